package icptest_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/icptest"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

// FuzzApplication: for any seed, province, kind, 1 to 5 sites and built-in
// profile, the application passes Check, unless the province's per-order
// limits forbid that many sites or domains.
func FuzzApplication(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint8(0), uint8(0), uint8(0))
	f.Add(uint64(19), uint8(9), uint8(10), uint8(4), uint8(2))
	f.Fuzz(func(t *testing.T, seed uint64, pi, ki, si, prof uint8) {
		p := province.All()[int(pi)%31]
		k := subject.Kinds()[int(ki)%len(subject.Kinds())]
		sites := 1 + int(si)%5
		profile := icp.Profiles()[int(prof)%len(icp.Profiles())]
		rules := province.Default().RulesAt(p, icptest.DefaultDate)
		domainCap := rules.MaxDomainsPerOrderUnit
		if k == subject.Individual {
			domainCap = rules.MaxDomainsPerOrderIndividual
		}
		if v, ok := rules.MaxSitesPerOrder.Get(); ok && sites > v {
			t.Skip("more sites than the province takes per order")
		}
		if v, ok := domainCap.Get(); ok && sites > v {
			t.Skip("more domains than the province takes per order")
		}
		app := icptest.Application(rand.New(rand.NewPCG(seed, 19)), p, k, sites, icptest.WithProfile(profile))
		r := icp.Check(app, icp.At(icptest.DefaultDate), icp.WithProfile(profile),
			icp.WithMaterialOpener(icptest.Opener(icptest.Materials(app))))
		assert.True(t, r.OK(), "seed %d, province %s, kind %s, %d sites, profile %s:%s", seed, p, k, sites, profile.Name, describe(r.Errors()))
	})
}

// FuzzImage: whatever the size, resolution, orientation, colour, padding
// and appended bytes, Inspect reads back what JPEG and PNG were told.
func FuzzImage(f *testing.F) {
	f.Add(uint16(64), uint16(48), uint16(300), uint8(0), uint8(0), uint32(0), []byte(nil), false)
	f.Add(uint16(500), uint16(20), uint16(72), uint8(6), uint8(1), uint32(9000), []byte("PK\x03\x04"), true)
	f.Fuzz(func(t *testing.T, w, h, dpi uint16, orient, colour uint8, minBytes uint32, appended []byte, png bool) {
		im := icptest.Image{Width: 1 + int(w)%700, Height: 1 + int(h)%700, DPI: int(dpi) % 1200,
			MinBytes: int(minBytes % 300_000), Appended: appended}
		var b []byte
		if png {
			im.Colour = []material.ColourModel{material.Colour, material.Greyscale, material.Palette}[colour%3]
			b = icptest.PNG(im)
		} else {
			im.Orientation = int(orient) % 9
			im.Colour = []material.ColourModel{material.Colour, material.Greyscale}[colour%2]
			if colour%3 == 2 && im.DPI > 0 {
				im.DPISource = material.EXIF
			}
			b = icptest.JPEG(im)
		}
		info, err := material.Inspect(bytes.NewReader(b))
		require.NoError(t, err)
		assert.Equal(t, [2]int{im.Width, im.Height}, [2]int{info.Width, info.Height}, "size")
		got, ok := info.DPI()
		assert.Equal(t, im.DPI > 0, ok)
		assert.Equal(t, im.DPI, got, "dpi")
		assert.Equal(t, im.Colour, info.Colour, "colour")
		assert.Equal(t, im.Orientation, info.Orientation, "orientation")
		assert.GreaterOrEqual(t, info.Size, int64(im.MinBytes), "padding")
		if len(appended) <= 60_000 {
			assert.Equal(t, int64(len(appended)), info.Trailing, "appended bytes")
		}
	})
}
