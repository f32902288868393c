import { z } from 'zod'

// The server's Content-Security-Policy forbids eval. Zod is told so before any schema is built
// (each object schema decides at construction whether to compile a parser with `Function`),
// rather than probing for it and leaving a violation report at every load. main.tsx imports
// this module first.
z.config({ jitless: true })
