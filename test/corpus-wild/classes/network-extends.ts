import {layers, regularizers, Sequential} from '@tensorflow/tfjs';

export class ScoreNetwork extends Sequential {
  constructor() {
    super({
      name: 'ScoreNetwork',
      layers: [
        layers.dense({units: 32, inputShape: [6], activation: 'relu', kernelRegularizer: regularizers.l2({l2: 1e-3})}),
        layers.dense({units: 16, activation: 'relu'}),
        layers.dense({units: 1}),
      ],
    });
  }

  public compileDefault(): void {
    this.compile({loss: 'meanSquaredError', optimizer: 'adam'});
  }
}
