package icp

import (
	"fmt"
	"testing"
)

// BenchmarkCheckSites checks the enterprise application with 1, 10, 100
// and 1000 sites (MaxSites); the time per site should stay flat. The floor
// is decoding nothing: Check of an application with no sites.
func BenchmarkCheckSites(b *testing.B) {
	for _, n := range []int{0, 1, 10, 100, MaxSites} {
		app := enterpriseApp()
		site := app.Sites[0]
		app.Sites = app.Sites[:0]
		for i := range n {
			s := site
			s.Domains = []string{fmt.Sprintf("example%d.com", i)}
			app.Sites = append(app.Sites, s)
		}
		b.Run(fmt.Sprintf("sites=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = Check(app, At(checkDay))
			}
		})
	}
}
