// Command-line options of the benches: `--name value` pairs and bare `--flag`s, nothing more (benches take few options).

const args = process.argv.slice(2)

/** The value after `--name`, or `fallback` when the option is absent. */
export function stringOption(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1]! : fallback
}

/** The number after `--name`, or `fallback` when the option is absent. */
export function numberOption(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}

/** True when the bare flag `--name` was given. */
export function hasFlag(name: string): boolean {
  return args.includes(`--${name}`)
}
