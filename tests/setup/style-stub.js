// Jest cannot load .scss/.css; page tests only need the import to succeed.
module.exports = {}
