import * as tf from '@tensorflow/tfjs';
import {BaseTabularModel} from './base-model';

export class FraudModel extends BaseTabularModel {
  build(): tf.Sequential {
    this.addInput(128);
    this.addHidden(64, 0.5);
    this.addHidden(32, 0.5);
    this.model.add(tf.layers.dense({units: 2, activation: 'softmax'}));
    return this.model;
  }
}
