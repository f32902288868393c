import * as Y from 'yjs'

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>
type Struct = DecodedUpdate['structs'][number]

/**
 * Whether every struct of an update can be integrated: Yjs integrates a client's structs in
 * clock order, and an item only once what it names (its origin, right origin and parent) is
 * there. An item naming a later clock of its own client, or structs of two clients naming each
 * other, can never be integrated: Yjs would keep them pending for good (and the document
 * unusable for the validator). Such an update is refused from its decoded form, in one pass
 * over its structs (each dependency found by a binary search), before anything is applied.
 * `stateOf` gives the clock up to which the document already has a client's structs.
 */
export function hasUnresolvableDependencies(
  update: DecodedUpdate,
  stateOf: (client: number) => number,
): boolean {
  const byClient = new Map<number, Struct[]>()
  for (const struct of update.structs) {
    if (struct instanceof Y.Skip) continue
    const list = byClient.get(struct.id.client)
    if (list) list.push(struct)
    else byClient.set(struct.id.client, [struct])
  }
  const containing = (id: Y.ID): Struct | undefined => findContaining(byClient.get(id.client), id)
  // The structs a struct waits for: the one before it of its client, and any struct of the
  // update it names. A missing one is history the room lacks, handled before this check.
  const dependenciesOf = (struct: Struct, previous: Struct | undefined): Struct[] | null => {
    const found: Struct[] = previous ? [previous] : []
    if (!(struct instanceof Y.Item)) return found
    const named: (Y.ID | null)[] = [struct.origin, struct.rightOrigin]
    if (struct.parent instanceof Y.ID) named.push(struct.parent)
    for (const id of named) {
      if (id === null || id.clock < stateOf(id.client)) continue
      if (id.client === struct.id.client) {
        if (id.clock >= struct.id.clock) return null
        continue
      }
      const target = containing(id)
      if (target) found.push(target)
    }
    return found
  }

  const state = new Map<Struct, 'visiting' | 'done'>()
  const previousOf = new Map<Struct, Struct | undefined>()
  for (const list of byClient.values()) {
    list.forEach((struct, index) => previousOf.set(struct, list[index - 1]))
  }
  for (const start of previousOf.keys()) {
    if (state.has(start)) continue
    // Iterative depth-first search: a crafted chain of thousands of structs must not overflow
    // the stack.
    const stack: { struct: Struct; next: Struct[] }[] = []
    const enter = (struct: Struct): boolean => {
      const dependencies = dependenciesOf(struct, previousOf.get(struct))
      if (!dependencies) return false
      state.set(struct, 'visiting')
      stack.push({ struct, next: dependencies })
      return true
    }
    if (!enter(start)) return true
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const dependency = top.next.pop()
      if (!dependency) {
        state.set(top.struct, 'done')
        stack.pop()
        continue
      }
      const seen = state.get(dependency)
      if (seen === 'visiting') return true
      if (seen === 'done') continue
      if (!enter(dependency)) return true
    }
  }
  return false
}

/** The struct of a client's list (in clock order) that holds `id`'s clock. */
export function findContaining<S extends Struct>(list: S[] | undefined, id: Y.ID): S | undefined {
  if (!list) return undefined
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const struct = list[middle]!
    if (id.clock < struct.id.clock) high = middle - 1
    else if (id.clock >= struct.id.clock + struct.length) low = middle + 1
    else return struct
  }
  return undefined
}
