package inputrc

// KeymapSize is the number of entries in a Keymap: one for each byte, and
// AnyOtherKey.
const KeymapSize = 257

// AnyOtherKey is the index of the entry that holds what a key did before it
// became the prefix of a longer sequence. When the longer sequence does not
// match, the editor runs this entry, as readline does with ANYOTHERKEY.
const AnyOtherKey = KeymapSize - 1

// Kind says what a keymap entry holds.
type Kind uint8

// The kinds of keymap entry.
const (
	KindFunc   Kind = iota // a Function; a nil Function means the key is unbound
	KindMacro              // a macro: bytes fed back as input
	KindKeymap             // a prefix: the next key is looked up in Map
)

// An Entry is what one key of a Keymap is bound to.
type Entry struct {
	Kind  Kind
	Func  *Function // for KindFunc
	Macro []byte    // for KindMacro
	Map   *Keymap   // for KindKeymap
}

// Unbound reports whether the entry does nothing.
func (e Entry) Unbound() bool { return e.Kind == KindFunc && e.Func == nil }

// A Keymap maps each byte to an Entry; entries of KindKeymap make it a trie
// of key sequences. It mirrors readline's KEYMAP_ENTRY_ARRAY, but a keymap
// created for the prefix of a longer sequence holds only the keys bound in
// it, so that many bindings cost little memory; it turns into a full table
// when it fills up.
type Keymap struct {
	dense  *[KeymapSize]Entry
	sparse []keyEntry // sorted by key; used while dense is nil
}

type keyEntry struct {
	key int
	e   Entry
}

// sparseLimit is how many entries a keymap holds before it becomes dense.
const sparseLimit = 24

// newDenseKeymap returns a keymap with room for every key.
func newDenseKeymap() *Keymap { return &Keymap{dense: new([KeymapSize]Entry)} }

// Entry returns what key (0-255, or AnyOtherKey) is bound to.
func (km *Keymap) Entry(key int) Entry {
	if km.dense != nil {
		return km.dense[key]
	}
	for _, ke := range km.sparse {
		if ke.key == key {
			return ke.e
		}
		if ke.key > key {
			break
		}
	}
	return Entry{}
}

// set binds key to e.
func (km *Keymap) set(key int, e Entry) {
	if km.dense != nil {
		km.dense[key] = e
		return
	}
	i := 0
	for i < len(km.sparse) && km.sparse[i].key < key {
		i++
	}
	if i < len(km.sparse) && km.sparse[i].key == key {
		km.sparse[i].e = e
		return
	}
	if len(km.sparse) >= sparseLimit {
		km.dense = new([KeymapSize]Entry)
		for _, ke := range km.sparse {
			km.dense[ke.key] = ke.e
		}
		km.sparse = nil
		km.dense[key] = e
		return
	}
	km.sparse = append(km.sparse, keyEntry{})
	copy(km.sparse[i+1:], km.sparse[i:])
	km.sparse[i] = keyEntry{key, e}
}

// each calls f for the keys that may be bound, in increasing order.
func (km *Keymap) each(f func(key int, e Entry)) {
	if km.dense != nil {
		for k := range km.dense {
			f(k, km.dense[k])
		}
		return
	}
	for _, ke := range km.sparse {
		f(ke.key, ke.e)
	}
}

// nullFunction stands in for "explicitly nothing" where readline uses
// _rl_null_function: a prefix key whose own binding was removed.
var nullFunction = &Function{}

// Lookup returns the entry that the key sequence seq leads to, following
// prefixes; ok is false when seq runs into a non-prefix key before its end.
// Bytes with the eighth bit set are looked up as ESC and the byte without
// it when convertMeta is on and ESC is a prefix (readline's
// _rl_function_of_keyseq_internal).
func (km *Keymap) Lookup(seq []byte, convertMeta bool) (Entry, bool) {
	m := km
	for i := 0; i < len(seq); i++ {
		c := int(seq[i])
		if isMeta(c) && convertMeta {
			esc := m.Entry(keyESC)
			if esc.Kind != KindKeymap {
				return esc, true
			}
			m = esc.Map
			c = unmeta(c)
		}
		e := m.Entry(c)
		if e.Kind == KindKeymap {
			if i+1 == len(seq) {
				return e, true
			}
			m = e.Map
			continue
		}
		if i+1 < len(seq) {
			return Entry{}, false
		}
		return e, true
	}
	return Entry{}, false
}

// bind binds the key sequence keys (already translated to bytes) to e,
// creating prefix keymaps as needed. It is readline's rl_generic_bind: a
// key that becomes a prefix keeps its old binding in AnyOtherKey, binding
// a prefix key itself sets its AnyOtherKey, and unbinding the last key of
// a prefix map restores the binding it shadowed.
func (km *Keymap) bind(keys []byte, e Entry) {
	if len(keys) == 0 {
		return
	}
	m := km
	prevMap := km
	prevKey := int(keys[0])
	var bindingMap *Keymap
	var shadowed Entry
	hasShadow := false
	ic := 0
	for i := 0; i < len(keys); i++ {
		if i > 0 {
			prevKey = ic
		}
		ic = int(keys[i])
		if i+1 < len(keys) {
			if cur := m.Entry(ic); cur.Kind != KindKeymap {
				shadowed = cur
				hasShadow = true
				m.set(ic, Entry{Kind: KindKeymap, Map: &Keymap{}})
			}
			prevMap = m
			m = m.Entry(ic).Map
			if hasShadow && ((shadowed.Kind == KindFunc && shadowed.Func != nil && shadowed.Func.Name != "do-lowercase-version") || shadowed.Kind == KindMacro) {
				m.set(AnyOtherKey, shadowed)
				hasShadow = false
			}
		} else {
			if cur := m.Entry(ic); cur.Kind == KindKeymap {
				prevMap = m
				m = cur.Map
				ic = AnyOtherKey
				if e.Kind == KindFunc && e.Func == nil {
					e.Func = nullFunction
				}
			}
			m.set(ic, e)
		}
		bindingMap = m
	}
	if prev := prevMap.Entry(prevKey); e.Kind == KindFunc && e.Func == nil &&
		prev.Kind == KindKeymap && prev.Map == bindingMap &&
		bindingMap.Entry(AnyOtherKey).Kind == KindFunc &&
		bindingMap.empty() {
		prevMap.set(prevKey, bindingMap.Entry(AnyOtherKey))
	}
}

// empty reports whether no byte of the keymap is bound (readline's
// rl_empty_keymap, which ignores AnyOtherKey).
func (km *Keymap) empty() bool {
	empty := true
	km.each(func(key int, e Entry) {
		if key < AnyOtherKey && !e.Unbound() {
			empty = false
		}
	})
	return empty
}

// bindIfUnbound binds keys to fn unless they already run something other
// than do-lowercase-version or vi-movement-mode
// (rl_bind_keyseq_if_unbound_in_map). It reports whether it bound.
func (km *Keymap) bindIfUnbound(keys []byte, fn *Function, convertMeta bool) bool {
	e, _ := km.Lookup(keys, convertMeta)
	if e.Kind == KindFunc && (e.Func == nil || e.Func.Name == "do-lowercase-version" || e.Func.Name == "vi-movement-mode") {
		km.bind(keys, Entry{Kind: KindFunc, Func: fn})
		return true
	}
	return false
}

// unbindFunction unbinds every key bound to fn, in this map and the maps
// below it (rl_unbind_function_in_map). It reports whether any was bound.
func (km *Keymap) unbindFunction(fn *Function) bool {
	found := false
	km.each(func(key int, e Entry) {
		switch {
		case e.Kind == KindFunc && e.Func == fn:
			km.set(key, Entry{})
			found = true
		case e.Kind == KindKeymap:
			if e.Map.unbindFunction(fn) {
				found = true
			}
		}
	})
	return found
}

// clone returns a deep copy of the keymap. Sub-keymaps shared within the
// original (such as emacs-meta, both a keymap of its own and the ESC prefix
// of emacs-standard) stay shared in the copy through seen.
func (km *Keymap) clone(seen map[*Keymap]*Keymap) *Keymap {
	if c, ok := seen[km]; ok {
		return c
	}
	c := &Keymap{}
	if km.dense != nil {
		d := *km.dense
		c.dense = &d
	} else {
		c.sparse = append([]keyEntry(nil), km.sparse...)
	}
	seen[km] = c
	km.each(func(key int, e Entry) {
		if e.Kind == KindKeymap {
			e.Map = e.Map.clone(seen)
			c.set(key, e)
		}
	})
	return c
}
