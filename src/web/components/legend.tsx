// The legend doubles as layer switches: each kind of mark can be hidden to read the article plainly.
import { LAYERS, type Layer } from '../highlights.js'

interface Props {
  visible: ReadonlySet<Layer>
  counts: Record<Layer, number>
  onToggle(layer: Layer): void
}

export function Legend({ visible, counts, onToggle }: Props) {
  return (
    <fieldset class="legend">
      <legend>Marks</legend>
      {LAYERS.map((layer) => (
        <label key={layer.id} class={`legend-item swatch-${layer.id}`}>
          <input type="checkbox" checked={visible.has(layer.id)} onChange={() => onToggle(layer.id)} />
          <span class={`swatch m-${layer.id}${layer.id === 'claim' ? ' cw4' : ''}`} aria-hidden="true" />
          {layer.label} <span class="count">({counts[layer.id]})</span>
        </label>
      ))}
    </fieldset>
  )
}
