package province

import (
	"time"
)

// A Change is one fact that differs between two tables for one province:
// its value, its status or its sources. Values are written as in the data
// file ("18", "yes", "owner|manager", "none"), and "-" for a fact the
// sources do not state.
type Change struct {
	Province  Province
	Field     string // data-file field name, e.g. "min_age"
	Old, New  string // values; "-" when unknown
	OldStatus Status
	NewStatus Status
	OldSource string // source keys of the old row
	NewSource string // source keys of the new row
	OldScope  string // "*" when the old value came from a national row, else the province
	NewScope  string // the same for the new value
	NewNote   string // the new row's note: conflicts and the default chosen
}

// Diff lists the facts that differ between the newest rules of old and new
// (see [Table.Rules]): for an operator loading an override with
// [Table.Patch] or upgrading the package, what the change does to each
// province. A fact differs when its value, status or source keys differ; a
// national row that changes shows once for every province it reaches.
// Changes come in province order, then in the order of [Fields].
func Diff(old, new *Table) []Change {
	return diff(old, new, func(t *Table, p Province) Rules { return t.Rules(p) })
}

// DiffAt is [Diff] for the rules in force on the calendar date of at.
func DiffAt(old, new *Table, at time.Time) []Change {
	return diff(old, new, func(t *Table, p Province) Rules { return t.RulesAt(p, at) })
}

func diff(old, new *Table, rules func(*Table, Province) Rules) []Change {
	var out []Change
	for p := Beijing; p <= count; p++ {
		a, b := rules(old, p), rules(new, p)
		for _, f := range fields {
			av, as, ap := f.view(&a)
			bv, bs, bp := f.view(&b)
			if av == bv && as == bs && source(ap) == source(bp) {
				continue
			}
			c := Change{Province: p, Field: f.name, Old: av, New: bv, OldStatus: as, NewStatus: bs,
				OldSource: source(ap), NewSource: source(bp), OldScope: scope(ap), NewScope: scope(bp)}
			if bp != nil {
				c.NewNote = bp.Note
			}
			out = append(out, c)
		}
	}
	return out
}

func source(p *Provenance) string {
	if p == nil {
		return ""
	}
	return p.Source
}

func scope(p *Provenance) string {
	if p == nil {
		return ""
	}
	return p.Scope
}
