// Runs before `npm start` and the test commands, ahead of tsx: checks that this Node satisfies
// package.json's "engines" range and, with --browser, that the Chromium the browser tests drive is
// there (playwright.config.ts: CHROMIUM_PATH, else /usr/bin/chromium). Each problem is one line with
// its fix, exit 1. It must run on the old Node it refuses, so it is ES5 in CommonJS (ESLint parses
// it as such) and calls only APIs every Node has; the one dependency, semver, supports Node 10.
'use strict'

var fs = require('fs')
var path = require('path')

var DEFAULT_CHROMIUM = '/usr/bin/chromium'
var NODE_FIX = 'install it from nodejs.org or with nvm (nvm install --lts)'

function readEnginesRange() {
    var manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'))
    return (manifest.engines && manifest.engines.node) || '*'
}

/** The first line saying why this Node cannot run the kit, or undefined when it can. */
function nodeProblem(range, found) {
    var semver
    try {
        semver = require('semver')
    } catch (error) {
        if (error && error.code === 'MODULE_NOT_FOUND')
            return 'the dependencies are not installed (semver missing): run npm ci'
        // A Node too old even to load semver.
        return 'Node ' + range + ' is needed (found ' + found + '): ' + NODE_FIX
    }
    if (semver.satisfies(found, range)) return undefined
    var lowest = semver.minVersion(range)
    // ">=20.18" reads best as "20.18.0 or later"; a range with an upper bound is quoted as it is.
    var wanted = lowest && semver.satisfies('999.0.0', range) ? lowest.version + ' or later' : '"' + range + '"'
    return 'Node ' + wanted + ' is needed (found ' + found + '): ' + NODE_FIX
}

function isExecutableFile(file) {
    try {
        fs.accessSync(file, fs.constants ? fs.constants.X_OK : 1)
        return fs.statSync(file).isFile()
    } catch (error) {
        return false
    }
}

/** Why the browser tests cannot start Chromium, or undefined when they can. */
function chromiumProblem(environment) {
    var configured = environment.CHROMIUM_PATH
    var file = configured || DEFAULT_CHROMIUM
    if (isExecutableFile(file)) return undefined
    if (configured)
        return (
            'Chromium not found at ' +
            file +
            ' (CHROMIUM_PATH): point CHROMIUM_PATH at a Chromium executable, or unset it to use ' +
            DEFAULT_CHROMIUM +
            ' (apt-get install chromium)'
        )
    return 'Chromium not found at ' + file + ': apt-get install chromium, or set CHROMIUM_PATH'
}

function main(argv) {
    var problems = []
    var nodeLine = nodeProblem(readEnginesRange(), process.versions.node)
    if (nodeLine) problems.push(nodeLine)
    if (argv.indexOf('--browser') !== -1) {
        var chromiumLine = chromiumProblem(process.env)
        if (chromiumLine) problems.push(chromiumLine)
    }
    for (var index = 0; index < problems.length; index++) console.error('preflight: ' + problems[index])
    return problems.length === 0 ? 0 : 1
}

process.exitCode = main(process.argv.slice(2))
