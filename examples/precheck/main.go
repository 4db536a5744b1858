// Command precheck checks an ICP filing application before it is submitted
// and prints every finding, grouped by section.
//
// Usage:
//
//	precheck [-lang zh|en] [-json] [-date YYYY-MM-DD] [-profile default|alibaba|tencent|huawei] [app.json | -]
//
// With no file it checks an embedded sample: an enterprise in 浙江 with two
// sites, the second of which has a couple of problems. Material paths in the
// JSON are resolved relative to the JSON file and inspected. The exit status
// is 0 when the application has no error, 1 when it has errors, and 2 when
// the input itself is unusable.
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/icpkit/icpkit/examples/internal/cli"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/icptest"
	"github.com/icpkit/icpkit/material"
)

//go:embed sample.json
var sample []byte

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("precheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "zh", "language of the messages: zh or en")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	date := fs.String("date", "", "check at this date (YYYY-MM-DD); default today")
	profile := fs.String("profile", "default", "provider profile: default, alibaba, tencent or huawei")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: precheck [flags] [app.json | -]")
		fs.PrintDefaults()
	}
	files, code := cli.Parse(fs, args)
	if code >= 0 {
		return code
	}
	if len(files) > 1 {
		fs.Usage()
		return 2
	}
	opts := []icp.Option{}
	tag := language.SimplifiedChinese
	switch *lang {
	case "zh", "zh-Hans", "zh-CN":
	case "en":
		tag = language.English
	default:
		fmt.Fprintf(stderr, "precheck: unknown -lang %q (zh or en)\n", *lang)
		return 2
	}
	opts = append(opts, icp.WithLanguage(tag))
	if *date != "" {
		d, err := time.Parse(time.DateOnly, *date)
		if err != nil {
			fmt.Fprintf(stderr, "precheck: -date: want YYYY-MM-DD, got %q\n", *date)
			return 2
		}
		opts = append(opts, icp.At(d))
	}
	p, ok := icp.ProfileByName(*profile)
	if !ok {
		fmt.Fprintf(stderr, "precheck: unknown -profile %q (default, alibaba, tencent or huawei)\n", *profile)
		return 2
	}
	opts = append(opts, icp.WithProfile(p))

	var (
		data   []byte
		base   string
		opener func(string) (io.ReadCloser, error)
		err    error
		name   = cli.T(tag, "cli.embedded_sample")
	)
	switch {
	case len(files) == 0:
		data, opener = sample, sampleOpener
	case files[0] == "-":
		name, base = "stdin", "."
		data, err = io.ReadAll(io.LimitReader(stdin, icp.MaxDecodeBytes+1))
	default:
		name, base = files[0], filepath.Dir(files[0])
		data, err = os.ReadFile(files[0])
	}
	if err != nil {
		fmt.Fprintf(stderr, "precheck: %v\n", err)
		return 2
	}
	if opener == nil {
		opener = dirOpener(base)
	}
	opts = append(opts, icp.WithMaterialOpener(opener))
	app, err := icp.DecodeApplication(bytes.NewReader(data))
	if err != nil {
		var de *icp.DecodeError
		if errors.As(err, &de) && de.Path != "" {
			fmt.Fprintf(stderr, "precheck: %s: the field %s: %s\n", name, de.Path, de.Reason)
		} else {
			fmt.Fprintf(stderr, "precheck: %s: %v\n", name, err)
		}
		return 2
	}
	r := icp.Check(app, opts...)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(stderr, "precheck: %v\n", err)
			return 2
		}
	} else {
		printReport(stdout, name, app, r, tag)
	}
	if !r.OK() {
		return 1
	}
	return 0
}

// dirOpener opens material files relative to the JSON file's folder and
// refuses paths that leave it.
func dirOpener(base string) func(string) (io.ReadCloser, error) {
	return func(p string) (io.ReadCloser, error) {
		if filepath.IsAbs(p) || strings.HasPrefix(filepath.Clean(p), "..") {
			return nil, fmt.Errorf("material path %q leaves the application's folder", p)
		}
		return os.Open(filepath.Join(base, p))
	}
}

// sampleOpener serves the embedded sample's materials, made in memory: a
// good licence scan, good ID photos of 张三, and ID photos of 李四 that are
// too small and greyscale.
func sampleOpener(p string) (io.ReadCloser, error) {
	var b []byte
	switch p {
	case "licence.png":
		b = icptest.PNG(icptest.Image{Width: 3508, Height: 2481, DPI: 300, DPISource: material.PHYs, Colour: material.Palette})
	case "zhangsan-front.png", "zhangsan-back.png":
		b = icptest.PNG(icptest.Image{Width: 1100, Height: 700, DPI: 300, DPISource: material.PHYs, Colour: material.Palette})
	case "lisi-front.png", "lisi-back.png":
		b = icptest.PNG(icptest.Image{Width: 800, Height: 500, DPI: 300, DPISource: material.PHYs, Colour: material.Greyscale})
	default:
		return nil, fmt.Errorf("no sample file %q", p)
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

var sections = []struct{ prefix, zh, en string }{
	{"filing.", "备案类型与备案号", "Filing type and numbers"},
	{"structure.", "必填项", "Required fields"},
	{"subject.", "主体", "Subject"},
	{"address.", "主体", "Subject"},
	{"person.", "负责人", "Managers"},
	{"document.", "负责人", "Managers"},
	{"individual.", "个人主体", "Individual subject"},
	{"contact.", "联系方式", "Contacts"},
	{"domain.", "域名", "Domains"},
	{"site.", "网站", "Sites"},
	{"app.", "网站", "Sites"},
	{"limit.", "数量限制", "Limits"},
	{"resource.", "服务器与接入", "Server and access"},
	{"access.", "服务器与接入", "Server and access"},
	{"material.", "材料", "Materials"},
	{"offline.", "需人工或线上完成", "To do by hand or online"},
}

func sectionOf(code string, tag language.Tag) string {
	for _, s := range sections {
		if strings.HasPrefix(code, s.prefix) {
			if tag == language.English {
				return s.en
			}
			return s.zh
		}
	}
	return "其他"
}

func printReport(w io.Writer, name string, app icp.Application, r icp.Report, tag language.Tag) {
	en := tag == language.English
	title := fmt.Sprintf("ICP 备案预检：%s（%s，%s，%d 个网站）", app.Subject.Name, app.Province.Name(), app.FilingType.NameZh(), len(app.Sites))
	if en {
		title = fmt.Sprintf("ICP filing pre-check: %s (%s, %s, %d sites)", app.Subject.Name, app.Province.EnglishName(), app.FilingType.NameEn(), len(app.Sites))
	}
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, strings.Repeat("=", 60))
	var order []string
	groups := map[string][]icp.Finding{}
	for _, f := range r.Findings {
		s := sectionOf(f.Code, tag)
		if _, ok := groups[s]; !ok {
			order = append(order, s)
		}
		groups[s] = append(groups[s], f)
	}
	mark := map[icp.Severity]string{icp.SeverityError: "✗", icp.SeverityWarning: "!", icp.SeverityInfo: "i"}
	for _, s := range order {
		fmt.Fprintf(w, "\n[%s]\n", s)
		for _, f := range groups[s] {
			where := f.Field
			if where == "" {
				where = "-"
			}
			if m, ok := materialOf(app, where); ok {
				// A material finding names the kind and whom it is for, not only its index.
				code := "cli.material"
				if m.For == "" {
					code = "cli.material_whole"
				}
				where += " " + cli.T(tag, code, "kind", m.Kind.String(), "for", m.For)
			}
			fmt.Fprintf(w, "  %s %-34s %s\n", mark[f.Severity], where, f.Message)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, cli.Summary(tag, len(r.Errors()), len(r.Warnings()), len(r.Infos()), name))
}

// materialOf returns the material a finding's field points into
// (materials[3].path → the fourth material).
func materialOf(app icp.Application, field string) (icp.MaterialRef, bool) {
	rest, ok := strings.CutPrefix(field, "materials[")
	if !ok {
		return icp.MaterialRef{}, false
	}
	n, _, _ := strings.Cut(rest, "]")
	i, err := strconv.Atoi(n)
	if err != nil || i < 0 || i >= len(app.Materials) {
		return icp.MaterialRef{}, false
	}
	return app.Materials[i], true
}
