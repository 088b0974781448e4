module.exports = {
  IMAGE_SIZE: 48,
  NUM_EMOTIONS: 7,
  FILTERS: [32, 64, 128],
};
