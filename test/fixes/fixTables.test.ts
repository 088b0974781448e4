// Input snippet -> exact output text, per remedy (see *.cases.ts).
import { runFixTable } from './fixTester';
import { denseDropoutCases, denseL2Cases } from './dense.cases';
import { convCases, recurrentCases } from './convRecurrent.cases';
import {
  biasBeforeBatchnormCases, dropoutAfterOutputCases, dropoutBeforeBatchnormCases, regularizerConfigCases,
} from './misuse.cases';

runFixTable('fixes: dense-unregularized, insert dropout', denseDropoutCases);
runFixTable('fixes: dense-unregularized, add L2', denseL2Cases);
runFixTable('fixes: conv-unregularized', convCases);
runFixTable('fixes: recurrent-unregularized', recurrentCases);
runFixTable('fixes: regularizer-config-invalid', regularizerConfigCases);
runFixTable('fixes: dropout-before-batchnorm', dropoutBeforeBatchnormCases);
runFixTable('fixes: dropout-after-output', dropoutAfterOutputCases);
runFixTable('fixes: bias-before-batchnorm', biasBeforeBatchnormCases);
