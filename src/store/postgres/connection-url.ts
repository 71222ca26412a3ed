// PostgreSQL URLs without a user name get libpq's default, the operating-system user, written into the URL itself:
// pg lets the URL's absent user override a `user` option, and USER is unset in some sandboxes and CI runners.
import { userInfo } from 'node:os'

export function withDefaultUser(url: string): string {
  const parsed = new URL(url)
  if (parsed.username) return url
  parsed.username = encodeURIComponent(process.env.PGUSER || process.env.USER || userInfo().username)
  return parsed.toString()
}
