// The sanity-train recipe: data sizes, epochs and thresholds. The thresholds were
// calibrated with exactly these values (docs/training.md); change one, recalibrate.
export const RECIPE = {
  nTrain: 256,
  nVal: 512,
  /** Equal epochs for every model: curve statistics compare like with like. */
  epochs: 12,
  batchSize: 32,
  optimizer: { name: 'adam', learningRate: 1e-3 },
  /** Gaussian noise on standardized regression targets. */
  noise: 0.3,
  /** Fraction of class labels replaced at random. */
  labelNoise: 0.2,
  /** Final val/train data-loss ratio at or above which the model is reported as overfitting. */
  ratioThreshold: 12,
  fitOneBatch: {
    batch: 16,
    maxSteps: 300,
    stepsPerCheck: 10,
    learningRate: 0.01,
    /** Accuracy (classification) the batch must reach. */
    minAccuracy: 0.99,
    /** R^2 (regression) the batch must reach. */
    minR2: 0.95,
    /** Share of the budget fit-one-batch may use. */
    budgetShare: 0.3,
  },
  /** Random-label train loss below this fraction of chance level: the model memorizes. */
  memorizationThreshold: 0.2,
  /** Epochs with the user's own optimizer when it differs from the recipe's. */
  divergenceEpochs: 3,
  /** Final training loss this many times above max(initial, chance level): diverging. */
  divergenceFactor: 2,
  /** Peak training loss this many times above max(initial, chance level): unstable. */
  instabilityFactor: 1.5,
  /** A ReLU layer with at least this share of units never active on validation inputs. */
  deadReluUnits: 0.7,
  defaultBudgetSeconds: 10,
} as const;

export type Recipe = typeof RECIPE;
