import { readFileSync, readdirSync, statSync } from 'fs'
import { join, relative } from 'path'
import { CARD_COLOUR, COLOUR } from '../../src/styles/tokens'
import { contrastRatio } from '../../src/domain/contrast'

const root = join(__dirname, '..', '..')
const scssTokens = readFileSync(join(root, 'src/styles/_tokens.scss'), 'utf8')
const scssColour = (name: string) => new RegExp(`^\\$color-${name}: (#[0-9a-f]{6});`, 'm').exec(scssTokens)?.[1]
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('design tokens', () => {
  it('the TypeScript colours equal the stylesheet tokens of the same name', () => {
    for (const [name, value] of Object.entries(COLOUR)) {
      expect([name, scssColour(kebab(name))]).toEqual([name, value])
    }
  })

  it('index.html, which no module can reach, names the brand colour as its theme colour', () => {
    expect(readFileSync(join(root, 'src/index.html'), 'utf8')).toContain(`<meta name="theme-color" content="${COLOUR.brand}">`)
  })

  it('no colour literal outside the token files', () => {
    const tokenFiles = ['src/styles/_tokens.scss', 'src/styles/tokens.ts', 'src/index.html']
    const offenders = [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'mock')), join(root, 'config/index.ts')]
      .filter((path) => /\.(scss|css|tsx?|html)$/.test(path))
      .map((path) => relative(root, path))
      .filter((path) => !tokenFiles.includes(path))
      .filter((path) => /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![-\w])|rgba?\(/.test(readFileSync(join(root, path), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('every text token reads at 4.5:1 or better on the page and on a card surface', () => {
    for (const name of ['text', 'text-body', 'text-secondary', 'text-muted', 'brand', 'error', 'warn', 'ok']) {
      const colour = scssColour(name)!
      expect([name, contrastRatio(colour, scssColour('page')!) >= 4.5]).toEqual([name, true])
      expect([name, contrastRatio(colour, scssColour('surface')!) >= 4.5]).toEqual([name, true])
    }
  })

  it('white or near-black text reads at 4.5:1 on each default card colour', () => {
    for (const hex of Object.values(CARD_COLOUR)) {
      expect(Math.max(contrastRatio(hex, COLOUR.text), contrastRatio(hex, COLOUR.surface))).toBeGreaterThanOrEqual(4.5)
    }
  })
})
