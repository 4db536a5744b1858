package subject

import "fmt"

// formatMasked prints s for every verb, quoting it for %q, so that no verb
// (%d, %x, %#v …) reaches the raw fields of a personal value.
func formatMasked(f fmt.State, verb rune, s string) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", s)
		return
	}
	fmt.Fprint(f, s)
}

// Format prints the masked number for every verb.
func (id ResidentID) Format(f fmt.State, verb rune) { formatMasked(f, verb, id.String()) }

// Format prints the masked number for every verb.
func (m Mobile) Format(f fmt.State, verb rune) { formatMasked(f, verb, m.String()) }

// Format prints the number, masked when personal, for every verb.
func (d DocumentID) Format(f fmt.State, verb rune) { formatMasked(f, verb, d.String()) }

// Format prints the masked number for every verb.
func (l Landline) Format(f fmt.State, verb rune) { formatMasked(f, verb, l.String()) }
