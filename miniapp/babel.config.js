// Taro's preset compiles TSX for both targets; weapp output stays ES5.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
