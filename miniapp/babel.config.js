// Taro's preset compiles TSX for both targets; weapp output stays ES5.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  // chinese-days ships a CommonJS (UMD) bundle: compiled as a script, the helpers it needs are
  // required rather than imported, so webpack still reads it as CommonJS.
  overrides: [{ test: /node_modules[\\/]chinese-days[\\/]/, sourceType: 'unambiguous' }],
}
