package icp

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/icpkit/icpkit/internal/jsonx"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodeStrict covers the strictness of issue 14: each row is an input
// that encoding/json alone accepts or misreads.
func TestDecodeStrict(t *testing.T) {
	good, err := json.Marshal(enterpriseApp())
	require.NoError(t, err)
	g := string(good)
	// pad makes the input large enough that the count, not the decode
	// budget, is what refuses it.
	pad := `{"remark":"` + strings.Repeat("a", 1<<20) + `",`
	tests := []struct {
		name, in, path, reason string
	}{
		{"a key in another case", `{"filing_type":"first_filing","FILING_TYPE":"cancel_site"}`, "FILING_TYPE", "unknown field"},
		{"a key folded from ſ", `{"ſites":[{}]}`, "ſites", "unknown field"},
		{"a key folded from the Kelvin sign", `{"subject":{"\u212aind":"enterprise"}}`, "subject.\u212aind", "unknown field"},
		{"a duplicate key", `{"filing_type":"first_filing","filing_type":"cancel_site"}`, "filing_type", "duplicate key"},
		{"a duplicate key in a site", `{"sites":[{"name":"a","name":"b"}]}`, "sites[0].name", "duplicate key"},
		{"the issue's example", `{"filing_type":"first_filing","FILING_TYPE":"cancel_site","ſites":[{}]}}`, "FILING_TYPE", "unknown field"},
		{"a trailing brace", g + "}", "", "data after"},
		{"null", "null", "", "null"},
		{"an empty document", "", "", "empty"},
		{"invalid UTF-8", strings.Replace(g, `"address":"`, "\"address\":\"\xff", 1), "subject.address", "invalid UTF-8"},
		{"negative existing services", `{"subject":{"existing_services":-100}}`, "subject.existing_services", "out of range"},
		{"overflowing existing services", `{"subject":{"existing_services":9223372036854775807}}`, "subject.existing_services", "out of range"},
		{"negative months", `{"resource":{"months":-1}}`, "resource.months", "out of range"},
		{"too many sites", pad + `"sites":[` + strings.Repeat(`{},`, MaxSites) + `{}]}`, "sites", "more than 1000 items"},
		{"too many domains", `{"sites":[{"domains":[` + strings.Repeat(`"a.cn",`, MaxDomainsPerSite) + `"a.cn"]}]}`, "sites[0].domains", "more than 100 items"},
		{"too many IPs", `{"sites":[{"access":{"ips":[` + strings.Repeat(`"1.2.3.4",`, MaxIPsPerAccess) + `"1.2.3.4"]}}]}`, "sites[0].access.ips", "more than 100 items"},
		{"too many materials", pad + `"materials":[` + strings.Repeat(`{},`, MaxMaterials) + `{}]}`, "materials", "more than 8000 items"},
		{"too many content items", `{"sites":[{"content":[` + strings.Repeat(`"a",`, MaxListItems) + `"a"]}]}`, "sites[0].content", "more than 100 items"},
		{"a masked resident ID", `{"subject":{"owner":{"document":{"type":"resident_id","number":"3301**********1238"}}}}`, "subject.owner.document.number", "masked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeApplication(strings.NewReader(tt.in))
			var de *DecodeError
			require.True(t, errors.As(err, &de), "%v", err)
			assert.Equal(t, tt.path, de.Path, "%v", err)
			assert.Contains(t, de.Reason, tt.reason)
		})
	}
}

// TestDecodeMasksEchoes: a decode error echoing a value typed into the
// wrong field, or a key, masks ID- and mobile-shaped digit runs.
func TestDecodeMasksEchoes(t *testing.T) {
	for _, in := range []string{
		`{"filing_type":"330106198503071238"}`,
		`{"province":"13912345678"}`,
		`{"sites":[{"service_type":"id 330106198503071238"}]}`,
		`{"330106198503071238":1}`,
	} {
		_, err := DecodeApplication(strings.NewReader(in))
		require.Error(t, err, in)
		assert.NotContains(t, err.Error(), "330106198503071238", in)
		assert.NotContains(t, err.Error(), "13912345678", in)
		assert.Contains(t, err.Error(), "****", in)
	}
}

// peakDecode returns the bytes allocated while decoding in; a bound on the
// peak heap growth (runtime.MemStats.TotalAlloc counts every allocation,
// freed or not).
func peakDecode(t *testing.T, in []byte, r func([]byte) io.Reader) (uint64, error) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := DecodeApplication(r(in))
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, err
}

// TestDecodeMemory decodes 8 MiB of empty sites (530× amplification before
// issue 14) and other hostile shapes within the limit, and holds the
// allocations to 10× the input.
func TestDecodeMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates tens of MiB")
	}
	sites := func(n int, site string) []byte {
		var b bytes.Buffer
		b.WriteString(`{"sites":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(site)
		}
		b.WriteString(`]}`)
		return b.Bytes()
	}
	domains := `{"domains":[` + strings.Repeat(`"",`, MaxDomainsPerSite-1) + `""],"access":{"ips":[` + strings.Repeat(`"1.2.3.4",`, MaxIPsPerAccess-1) + `"1.2.3.4"]}}`
	tests := []struct {
		name  string
		in    []byte
		valid int // 1 decodes, 0 is refused, -1 either
	}{
		{"8 MiB of empty sites", sites(8<<20/3, "{}"), 0},
		{"1000 sites of empty domains and IPs", sites(MaxSites, domains), 0},
		{"1000 real sites", realSites(t), 1},
		{"1000 sites of 100 domains", sites(MaxSites, `{"domains":[`+strings.Repeat(`"example123.com",`, MaxDomainsPerSite-1)+`"example123.com"]}`), 1},
		{"1000 sites of 100 IPs", sites(MaxSites, `{"access":{"ips":[`+strings.Repeat(`"121.40.10.10",`, MaxIPsPerAccess-1)+`"121.40.10.10"]}}`), -1},
		{"1000 empty sites", sites(MaxSites, "{}"), 0},
		{"8 MiB of one long remark", []byte(`{"remark":"` + strings.Repeat("a", 8<<20) + `"}`), 1},
	}
	readers := map[string]func([]byte) io.Reader{
		"bytes.Reader": func(b []byte) io.Reader { return bytes.NewReader(b) },
		// A reader that does not tell its length, like an HTTP body.
		"stream": func(b []byte) io.Reader { return io.MultiReader(bytes.NewReader(b)) },
	}
	for _, tt := range tests {
		for rname, r := range readers {
			t.Run(tt.name+"/"+rname, func(t *testing.T) {
				alloc, err := peakDecode(t, tt.in, r)
				if tt.valid >= 0 {
					assert.Equal(t, tt.valid == 1, err == nil, "%v", err)
				}
				ratio := float64(alloc) / float64(len(tt.in))
				t.Logf("%d bytes in, %d bytes allocated (%.2f×), %v", len(tt.in), alloc, ratio, err)
				assert.LessOrEqual(t, alloc, uint64(10*len(tt.in)+jsonx.BudgetFloor+1<<20))
				if len(tt.in) > 1<<20 {
					assert.LessOrEqual(t, ratio, 10.0)
				}
			})
		}
	}
}

// realSites is the enterprise application with its site copied to 1000.
func realSites(t require.TestingT) []byte {
	a := enterpriseApp()
	for len(a.Sites) < MaxSites {
		a.Sites = append(a.Sites, a.Sites[0])
	}
	b, err := json.Marshal(a)
	require.NoError(t, err)
	return b
}

// BenchmarkDecodeApplication decodes 1000 real sites (about 490 KB); the
// floor is encoding/json alone, without the strict pre-pass.
func BenchmarkDecodeApplication(b *testing.B) {
	in := realSites(b)
	b.Run("strict", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := DecodeApplication(bytes.NewReader(in)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("floor", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			var a Application
			if err := json.Unmarshal(in, &a); err != nil {
				b.Fatal(err)
			}
		}
	})
}
