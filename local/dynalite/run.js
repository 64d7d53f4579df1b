'use strict'
// dynalite for the JVM that started it: listens on 127.0.0.1, prints the bound port, and exits when the
// JVM goes away for any reason, because the JVM holds this process's stdin and a dead JVM closes it.
//
// usage: node run.js [--port N] [--host H] [--path DIR]   (no --path: in memory)
const { parseArgs } = require('node:util')
const dynalite = require('dynalite')

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    path: { type: 'string' },
  },
})

const server = dynalite({
  path: args.path,
  // tables are ACTIVE at once: the local runtime and the tests create them at start
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
})

let stopping = false
function stop (reason) {
  if (stopping) return
  stopping = true
  // close the LevelDB store cleanly when we can, but never outlive the JVM by more than a few seconds
  setTimeout(() => process.exit(0), 3000).unref()
  server.close(() => process.exit(0))
  process.stderr.write(`dynalite stopping: ${reason}\n`)
}

server.on('error', (err) => {
  process.stderr.write(`dynalite failed: ${err.stack || err}\n`)
  process.exit(1)
})

server.listen(Number(args.port), args.host, () => {
  // the JVM reads this one line to learn the port (it may have asked for port 0)
  process.stdout.write(`dynalite listening on ${args.host}:${server.address().port}\n`)
})

process.stdin.on('end', () => stop('stdin closed'))
process.stdin.on('error', () => stop('stdin error'))
process.stdin.resume()
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
