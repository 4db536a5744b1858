package icptest_test

import (
	"bytes"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/audit"
	"github.com/icpkit/icpkit/icp/icptest"
	"github.com/icpkit/icpkit/material"
	"github.com/icpkit/icpkit/province"
	"github.com/icpkit/icpkit/subject"
)

func TestResidentID(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, p := range province.All() {
		for _, female := range []bool{false, true} {
			birth := time.Date(1900+r.IntN(120), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
			id := icptest.ResidentID(r, p, birth, female)
			again, err := subject.ParseResidentID(id.Number())
			require.NoError(t, err, "%s: %s parses", p, id)
			assert.Equal(t, id, again)
			assert.Equal(t, p, id.Province(), "province")
			assert.Equal(t, female, id.Female(), "sex digit")
			y, m, d := id.Birthdate().Date()
			by, bm, bd := birth.Date()
			assert.Equal(t, [3]int{by, int(bm), bd}, [3]int{y, int(m), d}, "birth date")
		}
	}
	// Deterministic for a seed.
	a := icptest.ResidentID(rand.New(rand.NewPCG(7, 7)), province.Beijing, time.Date(1990, 5, 12, 0, 0, 0, 0, time.UTC), true)
	b := icptest.ResidentID(rand.New(rand.NewPCG(7, 7)), province.Beijing, time.Date(1990, 5, 12, 0, 0, 0, 0, time.UTC), true)
	assert.Equal(t, a.Number(), b.Number())
	assert.Panics(t, func() { icptest.ResidentID(r, 0, time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), false) }, "invalid province")
}

func TestCreditCode(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, p := range province.All() {
		for _, k := range subject.Kinds() {
			if k == subject.Individual || k == subject.ForeignRepresentative {
				assert.Panics(t, func() { icptest.CreditCode(r, k, p) }, "%s has no GB 32100 type", k)
				continue
			}
			cc := icptest.CreditCode(r, k, p)
			again, err := subject.ParseCreditCode(cc.String())
			require.NoError(t, err, "%s %s: %s", p, k, cc)
			assert.Equal(t, cc, again)
			gotK, ok := cc.Kind()
			assert.True(t, ok)
			assert.Equal(t, k, gotK, "kind of %s", cc)
			gotP, ok := cc.Province()
			assert.True(t, ok)
			assert.Equal(t, p, gotP, "province of %s", cc)
			assert.True(t, cc.OrgCodeValid(), "organisation code of %s", cc)
			assert.False(t, cc.Pilot())
		}
	}
}

func TestOrgCodeAndLandline(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		_, err := subject.ParseDocument(subject.OrganizationCodeCertificate, icptest.OrgCode(r))
		require.NoError(t, err)
	}
	for _, p := range province.All() {
		l, err := subject.ParseLandline(icptest.Landline(r, p))
		require.NoError(t, err, "%s", p)
		assert.True(t, l.IsValid())
	}
}

func TestMobile(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for _, c := range []subject.Class{subject.Basic, subject.Virtual, subject.IoT, subject.Satellite, subject.Emergency} {
		for range 50 {
			m := icptest.Mobile(r, c)
			again, err := subject.ParseMobile(m.Number())
			require.NoError(t, err, "%v", c)
			assert.Equal(t, m, again)
			assert.Equal(t, c, m.Class(), "class of %s", m)
		}
	}
	assert.True(t, icptest.Mobile(r, subject.Basic).CanReceiveVerificationSMS())
	assert.Panics(t, func() { icptest.Mobile(r, subject.Class(99)) })
}

// TestImageRoundTrip: material.Inspect reads back exactly what JPEG and PNG
// were told, and Go's decoders read the pixels.
func TestImageRoundTrip(t *testing.T) {
	zip := []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00")
	tests := []struct {
		name   string
		format material.Format
		im     icptest.Image
	}{
		{"zero JPEG", material.JPEG, icptest.Image{}},
		{"JPEG 300 dpi JFIF", material.JPEG, icptest.Image{Width: 1020, Height: 646, DPI: 300}},
		{"JPEG 72 dpi EXIF", material.JPEG, icptest.Image{Width: 640, Height: 480, DPI: 72, DPISource: material.EXIF}},
		{"JPEG turned (orientation 6)", material.JPEG, icptest.Image{Width: 300, Height: 500, Orientation: 6}},
		{"JPEG orientation 3 with EXIF dpi", material.JPEG, icptest.Image{Width: 300, Height: 200, Orientation: 3, DPI: 600, DPISource: material.EXIF}},
		{"JPEG greyscale", material.JPEG, icptest.Image{Width: 200, Height: 100, Colour: material.Greyscale}},
		{"JPEG padded", material.JPEG, icptest.Image{Width: 100, Height: 100, MinBytes: 210_000}},
		{"JPEG with a ZIP appended", material.JPEG, icptest.Image{Width: 100, Height: 80, Appended: zip}},
		{"JPEG truncated", material.JPEG, icptest.Image{Width: 100, Height: 80, Truncated: true}},
		{"PNG colour 300 dpi", material.PNG, icptest.Image{Width: 400, Height: 300, DPI: 300}},
		{"PNG greyscale", material.PNG, icptest.Image{Width: 64, Height: 64, Colour: material.Greyscale}},
		{"PNG palette", material.PNG, icptest.Image{Width: 77, Height: 33, Colour: material.Palette, DPI: 96}},
		{"PNG padded", material.PNG, icptest.Image{Width: 10, Height: 10, MinBytes: 5000}},
		{"PNG with HTML appended", material.PNG, icptest.Image{Appended: []byte("<html><body>x</body></html>")}},
		{"PNG truncated", material.PNG, icptest.Image{Truncated: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b []byte
			if tt.format == material.JPEG {
				b = icptest.JPEG(tt.im)
			} else {
				b = icptest.PNG(tt.im)
			}
			info, err := material.Inspect(bytes.NewReader(b))
			require.NoError(t, err)
			w, h := tt.im.Width, tt.im.Height
			if w == 0 {
				w, h = 64, 48
			}
			assert.Equal(t, tt.format, info.Format)
			assert.Equal(t, [2]int{w, h}, [2]int{info.Width, info.Height}, "size")
			dpi, ok := info.DPI()
			assert.Equal(t, tt.im.DPI > 0, ok, "dpi recorded")
			assert.Equal(t, tt.im.DPI, dpi, "dpi")
			if tt.im.DPI > 0 {
				want := tt.im.DPISource
				if want == material.NoDPI {
					want = map[material.Format]material.DPISource{material.JPEG: material.JFIF, material.PNG: material.PHYs}[tt.format]
				}
				assert.Equal(t, want, info.DPISource, "dpi source")
			}
			assert.Equal(t, tt.im.Orientation, info.Orientation, "orientation")
			colour := tt.im.Colour
			if colour == 0 {
				colour = material.Colour
			}
			assert.Equal(t, colour, info.Colour, "colour model")
			assert.Equal(t, int64(len(b)), info.Size)
			if tt.im.MinBytes > 0 {
				assert.Equal(t, int64(tt.im.MinBytes), info.Size-int64(len(tt.im.Appended)), "padded to the byte")
			}
			assert.Equal(t, int64(len(tt.im.Appended)), info.Trailing, "trailing bytes")
			assert.Equal(t, tt.im.Truncated, info.Truncated, "truncated")
			if len(tt.im.Appended) > 0 {
				assert.NotEmpty(t, info.Appended, "appended bytes recognised")
			}
			if !tt.im.Truncated {
				img, _, err := image.Decode(bytes.NewReader(b))
				require.NoError(t, err, "Go's decoder reads it")
				sw, sh := w, h
				if tt.im.Orientation >= 5 {
					sw, sh = h, w
				}
				assert.Equal(t, image.Pt(sw, sh), img.Bounds().Size(), "stored pixels")
			}
		})
	}
	assert.Panics(t, func() { icptest.JPEG(icptest.Image{Colour: material.Palette}) })
	assert.Panics(t, func() { icptest.PNG(icptest.Image{Orientation: 6}) })
}

func TestMP4(t *testing.T) {
	info, err := material.Inspect(bytes.NewReader(icptest.MP4(4096)))
	require.NoError(t, err)
	assert.Equal(t, material.MP4, info.Format)
	assert.GreaterOrEqual(t, info.Size, int64(4096))
}

// TestValidMaterial: the file of every kind passes every built-in profile.
func TestValidMaterial(t *testing.T) {
	for _, k := range material.Kinds() {
		info, err := material.Inspect(bytes.NewReader(icptest.ValidMaterial(k)))
		require.NoError(t, err, "%s", k)
		for _, p := range icp.Profiles() {
			if k == material.AppIcon && p.Name == "tencent" {
				// Tencent's 200 KB floor for uploads and Huawei's 100 KB cap
				// for App icons leave no file that passes both; ValidMaterial
				// gives the small icon.
				continue
			}
			assert.Empty(t, p.Materials.Spec(k).Check(info), "%s under the %s profile", k, p.Name)
		}
	}
}

func TestMaterialsAndOpener(t *testing.T) {
	app := icptest.Application(rand.New(rand.NewPCG(1, 1)), province.Jiangsu, subject.Enterprise, 2)
	fsys := icptest.Materials(app)
	open := icptest.Opener(fsys)
	require.NotEmpty(t, app.Materials)
	for _, m := range app.Materials {
		rc, err := open(m.Path)
		require.NoError(t, err, m.Path)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		assert.Equal(t, icptest.ValidMaterial(m.Kind), b, m.Path)
	}
	_, err := open("materials/none.jpg")
	assert.Error(t, err, "a path not in the application is not there")
}

// TestFooterPage: audit.AuditFooter reads back what the page builder was
// told.
func TestFooterPage(t *testing.T) {
	site := icp.MustParseNumber("浙ICP备2021000001号-1")
	police := icp.MustParseNumber("浙公网安备33010602011771号")
	want := icp.Footer{ICP: site, Police: police}
	tests := []struct {
		name string
		page icptest.Page
		want []string // codes, in report order; nil: a clean report
	}{
		{"a correct footer", icptest.Page{ICP: site, Police: police}, nil},
		{"no number", icptest.Page{Police: police}, []string{"audit.icp_missing"}},
		{"unlinked", icptest.Page{ICP: site, Link: icptest.NoLink, Police: police}, []string{"audit.icp_not_linked"}},
		{"obsolete host", icptest.Page{ICP: site, Link: icptest.ObsoleteMIITURL, Police: police}, []string{"audit.icp_obsolete_link"}},
		{"linked elsewhere", icptest.Page{ICP: site, Link: "https://example.com/", Police: police}, []string{"audit.icp_wrong_link"}},
		{"another number", icptest.Page{ICP: icp.MustParseNumber("浙ICP备2021036487号-1"), Police: police}, []string{"audit.icp_other_number"}},
		{"display:none", icptest.Page{ICP: site, Police: police, Hidden: "display:none"}, []string{"audit.icp_hidden", "audit.police_hidden"}},
		{"hidden attribute", icptest.Page{ICP: site, Police: police, Hidden: "hidden"}, []string{"audit.icp_hidden", "audit.police_hidden"}},
		{"at the top", icptest.Page{ICP: site, Police: police, AtTop: true, Paragraphs: 200}, []string{"audit.icp_not_at_bottom"}},
		{"placeholder", icptest.Page{ICP: site, Police: police, Placeholder: "京ICP备XXXXXXXX号"}, []string{"audit.placeholder"}},
		{"legacy police link", icptest.Page{ICP: site, Police: police, LegacyPoliceLink: true}, []string{"audit.police_legacy_link"}},
		{"police unlinked", icptest.Page{ICP: site, Police: police, PoliceLink: icptest.NoLink}, []string{"audit.police_not_linked"}},
		{"no police number", icptest.Page{ICP: site}, []string{"audit.police_missing"}},
		{"an extra licence is fine", icptest.Page{ICP: site, Police: police, Extra: []string{"浙B2-20090059"}}, nil},
		{"an unofficial prefix", icptest.Page{ICP: site, Police: police, Extra: []string{"萌ICP备20257012号"}}, []string{"audit.unofficial_number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := icptest.FooterPage(tt.page)
			r, err := audit.AuditFooter(strings.NewReader(html), want)
			require.NoError(t, err)
			var got []string
			for _, f := range r.Findings {
				got = append(got, f.Code)
			}
			assert.Equal(t, tt.want, got, "%s", html)
		})
	}
}
