import * as tf from '@tensorflow/tfjs';

/**
 * A Sequential subclass so callers can do `new DigitNet()` and be done.
 */
export class DigitNet extends tf.Sequential {
  constructor(private readonly hiddenUnits: number[] = [256, 128]) {
    super({name: 'digit-net'});
    this.add(tf.layers.flatten({inputShape: [28, 28, 1]}));
    this.add(tf.layers.dense({units: hiddenUnits[0], activation: 'relu', kernelRegularizer: tf.regularizers.l2({l2: 1e-4})}));
    this.add(tf.layers.dense({units: hiddenUnits[1], activation: 'relu'}));
    this.add(tf.layers.dense({units: 10, activation: 'softmax'}));
    this.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});
  }

  describe(): string {
    return `DigitNet(${this.hiddenUnits.join(', ')})`;
  }
}

export class RegularizedDigitNet extends tf.Sequential {
  static readonly className = 'RegularizedDigitNet';

  constructor() {
    super();
    this.add(tf.layers.conv2d({
      inputShape: [28, 28, 1],
      filters: 8,
      kernelSize: 5,
      activation: 'relu',
    }));
    this.add(tf.layers.batchNormalization());
    this.add(tf.layers.maxPooling2d({poolSize: 2, strides: 2}));
    this.add(tf.layers.conv2d({filters: 16, kernelSize: 5, activation: 'relu'}));
    this.add(tf.layers.maxPooling2d({poolSize: 2, strides: 2}));
    this.add(tf.layers.dropout({rate: 0.25}));
    this.add(tf.layers.flatten());
    this.add(tf.layers.dense({units: 10, activation: 'softmax'}));
  }
}

tf.serialization.registerClass(RegularizedDigitNet);

export async function quickCheck(): Promise<void> {
  const net = new DigitNet();
  const x = tf.randomNormal([4, 28, 28, 1]);
  const y = net.predict(x) as tf.Tensor;
  y.print();
  tf.dispose([x, y]);
}
