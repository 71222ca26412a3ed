// Types for Vite's import suffixes used by the page (`?raw` imports a file as a string).
declare module '*?raw' {
  const content: string
  export default content
}
declare module '*.css'
