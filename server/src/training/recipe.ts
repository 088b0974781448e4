// The sanity-train recipe: data sizes, training lengths and thresholds. The verdicts'
// statistics live in stopping.ts and checks/; bench:verdicts measures them on real data
// (docs/training.md); change one, re-run the benchmark.
export const RECIPE = {
  /** Synthetic data (no data file): training samples (reglint.train.samples overrides) and validation samples. */
  nTrain: 256,
  nVal: 512,
  /**
   * Seeds per verdict: each trains its own initialisation, dropout masks and batch order on
   * its own reshuffled train/validation split of the user's rows, so the spread between them
   * covers both kinds of luck. A verdict needs the effect to exceed that spread.
   */
  seeds: [0, 1, 2],
  /** Fixed-length runs (random labels): epochs. Baseline and remedy runs follow the data (stopping.ts). */
  epochs: 12,
  /** What a user who trains gets: batch 32, and the compiled optimizer or this one. */
  batchSize: 32,
  optimizer: { name: 'adam', learningRate: 1e-3 },
  /**
   * Step cap of a judged run: min(maxSteps, max(maxEpochs epochs, minStepCap)) over all the
   * data's rows, the ground truth's own training length (bench/calibration/groundTruth.ts),
   * run as as many epochs over the seed's training rows (suite.ts stepCap); the stopping rule
   * or the budget usually ends a run first. A run that reaches it without a material rise fits.
   */
  maxSteps: 15000,
  maxEpochs: 300,
  minStepCap: 6000,
  /** Gaussian noise on standardized regression targets. */
  noise: 0.3,
  /** Fraction of class labels replaced at random. */
  labelNoise: 0.2,
  fitOneBatch: {
    batch: 16,
    maxSteps: 500,
    stepsPerCheck: 10,
    learningRate: 0.01,
    /** Accuracy (classification) that counts as memorising the batch. */
    minAccuracy: 0.99,
    /** R^2 (regression) that counts as memorising the batch. */
    minR2: 0.95,
    /**
     * Best batch loss at or below this share of the batch's chance level: the model learns
     * from its inputs. No input-blind model gets below 1; healthy models reach 0.001-0.45
     * (docs/training.md, fit-one-batch).
     */
    learnsBelow: 0.9,
    /** Steps after which a model still at chance level is broken even when the budget cuts the run (else skipped). */
    minStepsToJudge: 100,
    /** Loss at initialisation this many times the uninformed output's: far off (probability outputs). */
    initFactorProbability: 3,
    /** The same for a linear regression output (its uninformed loss is mean(y^2)). */
    initFactorRegression: 10,
    /** Share of the budget fit-one-batch may use. */
    budgetShare: 0.3,
  },
  /** Random-label train loss below this fraction of chance level: the model memorizes. */
  memorizationThreshold: 0.2,
  /** Epochs with the user's own optimizer when it differs from the recipe's. */
  divergenceEpochs: 3,
  /** Final training loss this many times above max(initial, chance level): diverging. */
  divergenceFactor: 2,
  /** The user's optimizer ending its run this many times above max(initial, chance level): it does not train. */
  userOptimizerWorseFactor: 1.05,
  /** Peak training loss this many times above max(initial, chance level): unstable. */
  instabilityFactor: 1.5,
  /** A ReLU layer with at least this share of units never active on validation inputs. */
  deadReluUnits: 0.7,
  defaultBudgetSeconds: 10,
} as const;

export type Recipe = typeof RECIPE;

/** Bounds of reglint.train.samples / --samples (synthetic rows for the memorization probe). */
export const MIN_SAMPLES = 8;
export const MAX_SAMPLES = 20_000;
