import * as tf from '@tensorflow/tfjs';
import {BaseTabularModel} from './base-model';

export class ChurnModel extends BaseTabularModel {
  build(): tf.Sequential {
    this.addInput(64);
    this.addHidden(32, 0.3);
    this.addHidden(16);
    this.model.add(tf.layers.dense({units: 1, activation: 'sigmoid'}));
    return this.model;
  }
}

export const churn = new ChurnModel(18).build();
