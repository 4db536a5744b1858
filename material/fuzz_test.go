package material

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzInspect's seed corpus (every fixture shape above) runs in plain go
// test; crashers found by fuzzing are kept in testdata/fuzz. Whatever the
// input, Inspect returns a typed error or an Info whose sizes add up, and a
// stream and a seekable reader agree.
func FuzzInspect(f *testing.F) {
	for _, s := range [][]byte{
		baseJPEG, grayJPEG, basePNG, grayPNG, palPNG, zipBytes(), gifBytes(), twoScanJPEG(segment(0xFE, []byte("\xFF\xD9"))),
		jpegWith(baseJPEG, app0(1, 300, 300), app1(exifOpts{bigEndian: true, xNum: 300, xDen: 1, unit: 2, orientation: 6})),
		jpegWith(baseJPEG, app1(exifOpts{xNum: 1, xDen: 1, nextIFDSelf: true})),
		pngWith(basePNG, phys(11811, 11811, 1), pngChunk("eXIf", exifTIFF(exifOpts{xNum: 1, xDen: 1, orientation: 8}))),
		minimalJPEG(sof(65535, 65535, 3)),
		append(append([]byte(nil), baseJPEG...), zipBytes()...),
		{0xFF, 0xD8, 0xFF}, []byte("\x89PNG text"), []byte("%PDF-1.7"), []byte("<!-- c --><svg/>"), []byte("GIF89a"), nil,
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
		} else {
			if info.Size != int64(len(b)) {
				t.Fatalf("size %d, want %d", info.Size, len(b))
			}
			if info.Trailing < 0 || info.Trailing > int64(len(b)) {
				t.Fatalf("trailing %d outside the file", info.Trailing)
			}
			if info.Truncated && info.EndMissing {
				t.Fatal("both truncated and end missing")
			}
			_ = DefaultSpec(IDCardFront).Check(info)
		}
		if len(b) < seekMin { // no IDAT is long enough to be skipped
			info2, err2 := Inspect(&onlyReader{bytes.NewReader(b)})
			if (err == nil) != (err2 == nil) || err == nil && info != info2 {
				t.Fatalf("seeker %+v %v, stream %+v %v", info, err, info2, err2)
			}
		}
	})
}

// FuzzTrailing appends a payload to a valid image and checks that
// Trailing is exactly its length, whatever the payload holds.
func FuzzTrailing(f *testing.F) {
	images := [][]byte{
		baseJPEG, basePNG, gifBytes(), grayJPEG, palPNG,
		twoScanJPEG(segment(0xFE, []byte("\xFF\xD9"))),
		jpegWith(baseJPEG, app1(exifOpts{xNum: 300, xDen: 1, orientation: 6})),
		pngWith(basePNG, phys(11811, 11811, 1)),
	}
	for i, p := range [][]byte{nil, zipBytes(), {0xFF, 0xD9}, pngChunk("IEND", nil), {0x3B}, baseJPEG, []byte("<html>")} {
		f.Add(uint8(i), p)
	}
	f.Fuzz(func(t *testing.T, which uint8, payload []byte) {
		img := images[int(which)%len(images)]
		file := append(append([]byte(nil), img...), payload...)
		for _, r := range []interface{ Read([]byte) (int, error) }{bytes.NewReader(file), &onlyReader{bytes.NewReader(file)}} {
			info, err := Inspect(r)
			if err != nil {
				t.Fatal(err)
			}
			if info.Trailing != int64(len(payload)) || info.Size != int64(len(file)) || info.Truncated || info.EndMissing {
				t.Fatalf("image %d + %d bytes: trailing %d, size %d, truncated %v, end missing %v",
					which, len(payload), info.Trailing, info.Size, info.Truncated, info.EndMissing)
			}
		}
	})
}
