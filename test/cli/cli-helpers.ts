// Runs the built CLI (bin/factsift.js → dist/) as a user would, capturing stdout, stderr and the exit code.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const BIN = fileURLToPath(new URL('../../bin/factsift.js', import.meta.url))

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

export function runCli(args: string[], options: { stdin?: string | Buffer; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NO_COLOR: '1', FACTSIFT_DB: '/nonexistent-factsift-test/none.db', ...options.env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.stdin ?? '')
  })
}

/** A CLI failure is one line on stderr naming the code, with no stack trace. */
export function isOneLineError(stderr: string, code: string): boolean {
  const lines = stderr.trim().split('\n')
  return lines.length === 1 && lines[0]!.startsWith(`factsift: ${code} `) && !/\n\s+at /.test(stderr)
}
