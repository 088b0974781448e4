import React, {useEffect, useState} from 'react';
import * as tf from '@tensorflow/tfjs';

export function Trainer({features}: {features: number}) {
  const [model, setModel] = useState<tf.Sequential | null>(null);

  useEffect(() => {
    const m = tf.sequential();
    m.add(tf.layers.dense({units: 32, activation: 'relu', inputShape: [features]}));
    m.add(tf.layers.gaussianNoise({stddev: 0.1}));
    m.add(tf.layers.dense({units: 16, activation: 'relu'}));
    m.add(tf.layers.dense({units: 3, activation: 'softmax'}));
    m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});
    setModel(m);
    return () => m.dispose();
  }, [features]);

  return <div>{model ? `${model.countParams()} parameters` : 'building...'}</div>;
}
