package material

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Spec says what an uploaded file of one material kind must be. Build one
// from a [Profile], or write your own. A Spec returned by a built-in
// profile is a fresh copy: changing its Formats changes nothing else.
type Spec struct {
	Formats       []Format // allowed formats
	MinBytes      int64    // 0: no minimum
	MaxBytes      int64    // 0: no maximum
	MinDPI        int      // 0: no minimum; compared after rounding
	MinWidth      int      // pixel floor of the long side (0: none)
	MinHeight     int      // pixel floor of the short side (0: none)
	Colour        bool     // a greyscale image is refused
	MaxPixels     int64    // decompression-bomb guard (0: none)
	AllowTrailing bool     // bytes after the image's end marker are accepted
	// Advisory marks a spec whose source is not the provider itself (a
	// third-party page about it): its format, size, dpi and pixel problems
	// are warnings, while trailing data, truncation and the pixel bomb
	// guard stay refusals.
	Advisory bool
	Source   string // source keys of the spec
}

// Problem is one way an inspected file fails a [Spec].
type Problem struct {
	Code   string            // one of the Problem… constants
	Params map[string]string // the values involved
	// Warning marks advice: the file can be used, but a reviewer may ask
	// (ProblemDPIUnknown, ProblemEXIF). Every other problem is a refusal
	// under the spec.
	Warning bool
}

// Problem codes returned by [Spec.Check]. They are stable: catalogs and
// callers key on them. The parameters of each are named after the colon.
const (
	ProblemFormat        = "material.format"          // want (comma-separated formats), got
	ProblemTooLarge      = "material.too_large"       // max, size (bytes)
	ProblemTooSmall      = "material.too_small"       // min, size (bytes)
	ProblemDPILow        = "material.dpi_low"         // min, dpi, source
	ProblemDPIUnknown    = "material.dpi_unknown"     // min; a warning
	ProblemPixelsLow     = "material.pixels_low"      // min_width, min_height, width, height
	ProblemTooManyPixels = "material.too_many_pixels" // max, pixels
	ProblemGreyscale     = "material.greyscale"       // no parameters
	ProblemTrailing      = "material.trailing_data"   // bytes, appended (may be empty)
	ProblemTruncated     = "material.truncated"       // no parameters
	ProblemEndMissing    = "material.end_missing"     // format
	ProblemEXIF          = "material.exif_unreadable" // reason; a warning
)

// ProblemCodes returns every code [Spec.Check] can return, in its order.
func ProblemCodes() []string {
	return []string{ProblemFormat, ProblemTooLarge, ProblemTooSmall, ProblemTruncated, ProblemEndMissing, ProblemTrailing,
		ProblemTooManyPixels, ProblemDPILow, ProblemDPIUnknown, ProblemPixelsLow, ProblemGreyscale, ProblemEXIF}
}

// Check returns every way info fails s, in a fixed order; nil means none.
func (s Spec) Check(info Info) []Problem {
	var out []Problem
	add := func(code string, warning bool, kv ...string) {
		switch code {
		case ProblemFormat, ProblemTooLarge, ProblemTooSmall, ProblemDPILow, ProblemPixelsLow, ProblemGreyscale:
			warning = warning || s.Advisory
		}
		p := Problem{Code: code, Params: make(map[string]string, len(kv)/2), Warning: warning}
		for i := 0; i+1 < len(kv); i += 2 {
			p.Params[kv[i]] = kv[i+1]
		}
		out = append(out, p)
	}
	i64 := func(n int64) string { return strconv.FormatInt(n, 10) }
	if len(s.Formats) > 0 && !slices.Contains(s.Formats, info.Format) {
		want := make([]string, len(s.Formats))
		for i, f := range s.Formats {
			want[i] = string(f)
		}
		add(ProblemFormat, false, "want", strings.Join(want, ","), "got", string(info.Format))
	}
	if s.MaxBytes > 0 && info.Size > s.MaxBytes {
		add(ProblemTooLarge, false, "max", i64(s.MaxBytes), "size", i64(info.Size))
	}
	if s.MinBytes > 0 && info.Size < s.MinBytes {
		add(ProblemTooSmall, false, "min", i64(s.MinBytes), "size", i64(info.Size))
	}
	if !info.Format.Inspected() {
		return out
	}
	if info.Truncated {
		add(ProblemTruncated, false)
	}
	if info.EndMissing {
		add(ProblemEndMissing, false, "format", string(info.Format))
	}
	if !s.AllowTrailing && (info.Trailing != 0 || info.Appended != "") {
		add(ProblemTrailing, false, "bytes", i64(info.Trailing), "appended", info.Appended)
	}
	px := int64(info.Width) * int64(info.Height)
	if s.MaxPixels > 0 && px > s.MaxPixels {
		add(ProblemTooManyPixels, false, "max", i64(s.MaxPixels), "pixels", i64(px))
	}
	if s.MinDPI > 0 {
		if dpi, ok := info.DPI(); ok {
			if dpi < s.MinDPI {
				add(ProblemDPILow, false, "min", strconv.Itoa(s.MinDPI), "dpi", strconv.Itoa(dpi), "source", info.DPISource.String())
			}
		} else {
			add(ProblemDPIUnknown, true, "min", strconv.Itoa(s.MinDPI))
		}
	}
	long, short := max(info.Width, info.Height), min(info.Width, info.Height)
	if (s.MinWidth > 0 || s.MinHeight > 0) && (long < s.MinWidth || short < s.MinHeight) {
		add(ProblemPixelsLow, false, "min_width", strconv.Itoa(s.MinWidth), "min_height", strconv.Itoa(s.MinHeight),
			"width", strconv.Itoa(long), "height", strconv.Itoa(short))
	}
	if s.Colour && info.Colour == Greyscale {
		add(ProblemGreyscale, false)
	}
	if info.EXIFError != "" {
		add(ProblemEXIF, true, "reason", info.EXIFError)
	}
	return out
}

// PixelFloor returns the minimum long and short side in pixels of a scan of
// a document of the given physical size at dpi, rounded up.
func PixelFloor(size Size, dpi int) (long, short int) {
	f := func(mm float64) int { return int(math.Ceil(mm / 25.4 * float64(dpi))) }
	return f(size.Long), f(size.Short)
}

// A Profile is a named set of specs, one per material kind, with its
// source. It is an immutable value: build your own with [NewProfile],
// wrapping a built-in one's Spec method where you want its rules.
type Profile struct {
	name, source string
	spec         func(Kind) Spec
}

// NewProfile returns a profile whose specs come from spec. A nil spec gives
// empty specs (everything passes).
func NewProfile(name, source string, spec func(Kind) Spec) Profile {
	return Profile{name: name, source: source, spec: spec}
}

// Name returns the profile's short name ("default", "alibaba" …).
func (p Profile) Name() string { return p.name }

// Source returns the source keys of the profile.
func (p Profile) Source() string { return p.source }

// Spec returns the spec for kind k. Each call returns a fresh Spec.
func (p Profile) Spec(k Kind) Spec {
	if p.spec == nil {
		return Spec{}
	}
	return p.spec(k)
}

// Profiles returns the built-in profiles: [Default], [Alibaba], [Tencent]
// and [Huawei].
func Profiles() []Profile { return []Profile{Default, Alibaba, Tencent, Huawei} }

// Byte units. Providers write "KB" and "MB" without saying whether they
// mean powers of 1000 or of 1024, and their upload forms are not public.
// A provider's profile therefore reads each of its bounds the way that
// refuses whatever either reading refuses: an upper bound in powers of 1000
// (Alibaba's "4 MB" is 4 000 000 bytes), a lower bound in powers of 1024
// (Tencent's "200 KB" is 204 800 bytes). A file it passes is accepted
// whichever unit the provider's form uses; a file in the band between the
// readings (4 000 001 – 4 194 304 bytes) may have been accepted, and the
// problem's parameters carry the exact byte counts. [Default], which must
// refuse only what every provider refuses, reads the other way round.
const (
	kB  = 1000
	mB  = 1000 * 1000
	kiB = 1 << 10
	miB = 1 << 20
)

// maxPixels guards against decompression bombs: 100 megapixels is far above
// any scan the filing systems take. It is icpkit's guard, not a provider
// rule.
const maxPixels = 100_000_000

func jpegPNG() []Format    { return []Format{JPEG, PNG} }
func jpegPNGGIF() []Format { return []Format{JPEG, PNG, GIF} }

// commitmentVideo is Jiangsu's video of the site manager holding the signed
// commitment (TC-P-江苏); no source gives its format or size, so only the
// format the previous releases used is kept.
func commitmentVideo() Spec {
	return Spec{Formats: []Format{MP4}, Source: "TC-P-江苏; format UNCERTAIN"}
}

// Default holds only what every provider requires, so that a file it
// refuses is refused everywhere:
//
//   - JPEG, PNG or GIF: Tencent accepts JPG/JPEG/PNG/GIF (TC-upload),
//     Huawei JPG/PNG (HW-mat), Alibaba JPG/PNG (ALI-domaincert, the
//     how-to); nothing else is accepted anywhere.
//   - At most 8 MiB (8 388 608 bytes): Tencent's 8 MB, the largest bound,
//     read in its larger sense.
//   - A colour original where the kind needs one: Tencent refuses
//     black-and-white scans (TC-upload) and Huawei wants colour scans
//     (HW-mat); Alibaba's how-to asks for a colour licence and says nothing
//     on other kinds (UNCERTAIN there).
//   - No appended data and at most 100 megapixels: icpkit's own guards
//     against polyglots and decompression bombs.
//
// It states no minimum size, dpi or pixel floor: no provider other than
// Alibaba's how-to states a dpi.
var Default = NewProfile("default", "TC-upload; HW-mat; ALI-domaincert", func(k Kind) Spec {
	if k == CommitmentVideo {
		return commitmentVideo()
	}
	return Spec{Formats: jpegPNGGIF(), MaxBytes: 8 * miB, Colour: k.ColourRequired(), MaxPixels: maxPixels,
		Source: "TC-upload; HW-mat"}
})

// Alibaba is Alibaba Cloud's spec as a third-party how-to about its filing
// system gives it (ALI-howto, the page this project started from): JPG or
// PNG, at least 300 dpi, at most 4 MB (4 000 000 bytes, see the byte units
// above), with the pixel floor that 300 dpi
// gives for the document's physical size and a colour original where the
// kind needs one; the domain certificate 200 KB – 4 MB without a dpi
// (ALI-domaincert). The how-to is Alibaba's only image rule we have
// (Alibaba publishes none we could read), so its values are UNCERTAIN; a
// file that does not record its dpi is reported with a warning
// ([ProblemDPIUnknown]) and the pixel floor does the real work.
var Alibaba = NewProfile("alibaba", "ALI-howto; ALI-domaincert; UNCERTAIN", func(k Kind) Spec {
	switch k {
	case CommitmentVideo:
		return commitmentVideo()
	case DomainCertificate:
		return Spec{Formats: jpegPNG(), MinBytes: 200 * kiB, MaxBytes: 4 * mB, MaxPixels: maxPixels, Source: "ALI-domaincert"}
	case AppIcon:
		// The how-to's 300 dpi is for scans of documents; an icon has none.
		return Spec{Formats: jpegPNG(), MaxBytes: 4 * mB, MaxPixels: maxPixels, Advisory: true, Source: "ALI-howto; UNCERTAIN"}
	}
	return withFloor(Spec{Formats: jpegPNG(), MaxBytes: 4 * mB, MinDPI: 300, Colour: k.ColourRequired(),
		MaxPixels: maxPixels, Advisory: true, Source: "ALI-howto; UNCERTAIN"}, k)
})

// Tencent is Tencent Cloud's spec: each image 200 KB to 8 MB (204 800 to
// 8 000 000 bytes), JPG, JPEG, PNG or GIF, colour originals (TC-upload,
// TC-materials).
var Tencent = NewProfile("tencent", "TC-upload; TC-materials", func(k Kind) Spec {
	if k == CommitmentVideo {
		return commitmentVideo()
	}
	return Spec{Formats: jpegPNGGIF(), MinBytes: 200 * kiB, MaxBytes: 8 * mB, Colour: k.ColourRequired(),
		MaxPixels: maxPixels, Source: "TC-upload"}
})

// Huawei is Huawei Cloud's spec: JPG or PNG, usually at most 4 MB (4 000
// 000 bytes), colour originals; App icons at most 100 KB (100 000 bytes)
// (HW-mat, HW-app).
var Huawei = NewProfile("huawei", "HW-mat; HW-app", func(k Kind) Spec {
	switch k {
	case CommitmentVideo:
		return commitmentVideo()
	case AppIcon:
		return Spec{Formats: jpegPNG(), MaxBytes: 100 * kB, MaxPixels: maxPixels, Source: "HW-app"}
	}
	return Spec{Formats: jpegPNG(), MaxBytes: 4 * mB, Colour: k.ColourRequired(), MaxPixels: maxPixels, Source: "HW-mat"}
})

func withFloor(s Spec, k Kind) Spec {
	if size, ok := k.PhysicalSize(); ok && s.MinDPI > 0 {
		s.MinWidth, s.MinHeight = PixelFloor(size, s.MinDPI)
	}
	return s
}

// DefaultSpec returns the spec of the [Default] profile for k.
func DefaultSpec(k Kind) Spec { return Default.Spec(k) }
