package material

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzInspect's seed corpus (every fixture shape above) runs in plain go
// test; crashers found by fuzzing are kept in testdata/fuzz.
func FuzzInspect(f *testing.F) {
	for _, s := range [][]byte{
		baseJPEG, grayJPEG, basePNG, grayPNG, palPNG, zipBytes(), gifBytes(),
		jpegWith(baseJPEG, app0(1, 300, 300), app1(exifOpts{bigEndian: true, xNum: 300, xDen: 1, unit: 2, orientation: 6})),
		jpegWith(baseJPEG, app1(exifOpts{xNum: 1, xDen: 1, nextIFDSelf: true})),
		pngWith(basePNG, phys(11811, 11811, 1)),
		minimalJPEG(sof(65535, 65535, 3)),
		append(append([]byte(nil), baseJPEG...), zipBytes()...),
		{0xFF, 0xD8, 0xFF}, []byte("\x89PNG text"), []byte("%PDF-1.7"), nil,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		info, err := Inspect(bytes.NewReader(b))
		if err != nil {
			var ie *InspectError
			if !errors.As(err, &ie) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			if !errors.Is(err, ErrTruncated) && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrEmpty) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		if info.Size != int64(len(b)) {
			t.Fatalf("size %d, want %d", info.Size, len(b))
		}
		if info.Trailing > int64(len(b)) {
			t.Fatalf("trailing %d beyond the file", info.Trailing)
		}
		_ = DefaultSpec(IDCardFront).Check(info)
	})
}
