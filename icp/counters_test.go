package icp

import (
	"errors"
	"fmt"
	"io"
	"math"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpkit/icpkit/material"
)

// TestCounters: existing_services is a count. A negative value is a
// finding naming the field; a huge one saturates instead of wrapping past
// the individual-services limit.
func TestCounters(t *testing.T) {
	tests := []struct {
		name     string
		existing int
		want     []string
		wantNot  []string
	}{
		{"MaxInt64 services saturate", math.MaxInt, []string{"limit.individual_services@sites"}, nil},
		{"MaxCount services", MaxCount, []string{"limit.individual_services@sites"}, nil},
		{"a negative count is refused", -100, []string{"structure.invalid@subject.existing_services"}, []string{"limit.individual_services@sites"}},
		{"a count under the limit", 3, nil, []string{"limit.individual_services@sites", "structure.invalid@subject.existing_services"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := individualApp()
			a.Subject.ExistingServices = tt.existing
			got := codesOf(Check(a, At(checkDay), WithProfile(huaweiAnyProduct())), SeverityError) // Huawei caps individuals at 5
			for _, w := range tt.want {
				assert.Contains(t, got, w)
			}
			for _, w := range tt.wantNot {
				assert.NotContains(t, got, w)
			}
		})
	}
}

// TestServersUnmapped: 121.40.10.10 and ::ffff:121.40.10.10 are one
// server, so six sites on them pass Alibaba's five sites per instance.
func TestServersUnmapped(t *testing.T) {
	a := enterpriseApp()
	a.Sites = a.Sites[:1]
	for i := range 6 {
		s := a.Sites[0]
		s.Domains = []string{fmt.Sprintf("example%d.com", i)}
		ip := "121.40.10.10"
		if i%2 == 1 {
			ip = "::ffff:121.40.10.10"
		}
		s.Access.IPs = []netip.Addr{netip.MustParseAddr(ip)}
		a.Sites = append(a.Sites, s)
	}
	a.Sites = a.Sites[1:]
	r := Check(a, At(checkDay), WithProfile(Alibaba))
	var hit []Finding
	for _, f := range r.Findings {
		if f.Code == "access.sites_per_instance" {
			hit = append(hit, f)
		}
	}
	require.Len(t, hit, 1, "%v", codesOf(r, SeverityInfo))
	assert.Equal(t, "121.40.10.10", hit[0].Params["ip"])
	assert.Equal(t, "6", hit[0].Params["count"])
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0xFF
	}
	return len(p), nil
}
func (endless) Close() error { return nil }

// TestMaterialOpener: a nil reader is a finding, not a panic; a stream
// that never ends stops at MaxMaterialBytes; an opener's error text has
// its ID-shaped digits masked.
func TestMaterialOpener(t *testing.T) {
	id := "330106198503071238"
	tests := []struct {
		name   string
		opener func(string) (io.ReadCloser, error)
		code   string
	}{
		{"nil reader, nil error", func(string) (io.ReadCloser, error) { return nil, nil }, "material.no_file"},
		{"a stream that never ends", func(string) (io.ReadCloser, error) { return endless{}, nil }, "material.read_limit"},
		{"an error naming the file", func(p string) (io.ReadCloser, error) {
			return nil, errors.New("open /uploads/" + id + "-front.jpg: no such file; call 13912345678")
		}, "material.unreadable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Check(enterpriseApp(), At(checkDay), WithMaterialOpener(tt.opener))
			require.True(t, r.Has(tt.code), "%v", codesOf(r, SeverityInfo))
			for _, f := range r.Findings {
				assert.NotContains(t, f.Message, id)
				assert.NotContains(t, f.Message, "13912345678")
				for _, v := range f.Params {
					assert.NotContains(t, v, id)
				}
			}
		})
	}
}

// TestMaxMaterialBytes: the read bound is above every size any profile
// accepts, by the documented margin.
func TestMaxMaterialBytes(t *testing.T) {
	var largest int64
	for _, p := range Profiles() {
		for _, k := range material.Kinds() {
			largest = max(largest, p.Materials.Spec(k).MaxBytes)
		}
	}
	assert.Equal(t, int64(MaxMaterialBytes), largest+1<<20, "the largest accepted size plus 1 MiB")
}
