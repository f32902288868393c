// Browser tests drive Debian's Chromium through playwright-core; no browser is downloaded.
// This installs the Debian package when it is missing, so `npm test` works on a fresh machine.
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const CHROMIUM = '/usr/bin/chromium'

if (!existsSync(CHROMIUM)) {
  console.log('Installing Debian chromium for the browser tests...')
  const sudo = process.getuid?.() === 0 ? '' : 'sudo '
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit', env })
  execSync(`${sudo}apt-get install -y -qq chromium fonts-liberation`, { stdio: 'inherit', env })
}
if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is still missing: install Debian's chromium package.`)
  process.exit(1)
}
