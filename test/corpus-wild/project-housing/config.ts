// Shared constants for the housing model and its training script.
export const NUM_FEATURES = 13;
export const HIDDEN_UNITS = [64, 32];
export const DROPOUT_RATE = 0.25;
export const L2 = 1e-4;
export const EPOCHS = 200;
