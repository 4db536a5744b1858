package icptest

import (
	"fmt"
	"testing"

	"github.com/icpkit/icpkit/material"

	"github.com/stretchr/testify/assert"
)

// TestUniformJPEGIsTheEncodersOutput: the directly written blank page is
// byte for byte what image/jpeg writes for the same image, at sizes that
// are and are not multiples of the MCU.
func TestUniformJPEGIsTheEncodersOutput(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		grey bool
	}{{16, 16, false}, {37, 21, false}, {1030, 700, false}, {8, 8, true}, {999, 333, true}} {
		t.Run(fmt.Sprintf("%dx%d grey=%v", tc.w, tc.h, tc.grey), func(t *testing.T) {
			assert.Equal(t, encodeUniform(tc.w, tc.h, tc.grey), uniformJPEG(tc.w, tc.h, tc.grey))
		})
	}
}

// BenchmarkScanJPEG compares writing an A4 page at 300 dpi directly with
// encoding every pixel with image/jpeg (the floor it replaces).
func BenchmarkScanJPEG(b *testing.B) {
	w, h := scanSize(material.BusinessLicense)
	for _, bc := range []struct {
		name string
		f    func(int, int, bool) []byte
	}{{"image-jpeg", encodeUniform}, {"direct", uniformJPEG}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bc.f(w, h, false)
			}
		})
	}
}
