// Images imported by pages resolve to a fixed string in page tests.
module.exports = 'test-file-stub'
