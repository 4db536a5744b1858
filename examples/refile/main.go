// Command refile tells which filings a change of hosting or of filed data
// needs, who must pass the MIIT SMS check, and in which order.
//
// Usage:
//
//	refile [-lang zh|en] [-json] before.json after.json
//	refile [-lang zh|en] -scenario migrate|ip-change|add-domain|rename|new-manager
//
// The exit status is 0 when nothing is required, 1 when filings are
// required, and 2 when the input is unusable.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/icpkit/icpkit/examples/internal/cli"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/refile"
	"github.com/icpkit/icpkit/subject"
	"golang.org/x/text/language"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// base is the deployment every built-in scenario starts from. Its numbers
// are synthetic: the IDs pass their checksums but belong to nobody.
const base = `{"subject": {"kind": "enterprise", "name": "杭州示例网络科技有限公司", "number": "浙ICP备2021000001号",
  "certificate": {"type": "business_license", "number": "91330106MA2H0K3L70"}, "province": "浙江",
  "address": "浙江省杭州市西湖区文三路100号5幢301室",
  "owner": {"name": "张三", "document": {"type": "resident_id", "number": "330106198503071238"},
            "mobile": "13800138000", "emergency_phone": "13900139000", "email": "admin@example.com", "legal_representative": true}},
 "sites": [{"number": "浙ICP备2021000001号-1", "name": "示例官网", "domains": ["example.com"],
   "manager": {"name": "张三", "document": {"type": "resident_id", "number": "330106198503071238"},
               "mobile": "13800138000", "emergency_phone": "13900139000", "email": "admin@example.com"},
   "access": [{"provider": "aliyun", "ips": ["121.40.10.10"]}]}]}`

var scenarios = map[string]struct {
	title string
	edit  func(d *refile.Deployment)
}{
	"migrate": {"迁移到另一家接入商 / move to another provider", func(d *refile.Deployment) {
		d.Sites[0].Access = []icp.Access{{Provider: "tencent", IPs: []netip.Addr{netip.MustParseAddr("42.192.1.1")}}}
	}},
	"ip-change": {"同一接入商更换 IP / new IP at the same provider", func(d *refile.Deployment) {
		d.Sites[0].Access[0].IPs = []netip.Addr{netip.MustParseAddr("121.40.10.99")}
	}},
	"add-domain": {"给网站增加一个域名 / add a domain to the site", func(d *refile.Deployment) {
		d.Sites[0].Domains = append(d.Sites[0].Domains, "example.cn")
	}},
	"rename": {"公司更名（信用代码不变）/ company renamed, same credit code", func(d *refile.Deployment) {
		d.Subject.Name = "杭州新名网络科技有限公司"
	}},
	"new-manager": {"更换网站负责人 / new site manager", func(d *refile.Deployment) {
		d.Sites[0].Manager = subject.Person{Name: "李四",
			Document: subject.Document{Type: subject.ResidentIDCard, Number: "330102199005122345"},
			Mobile:   "13700137000", EmergencyPhone: "13600136000", Email: "lisi@example.com"}
	}},
}

func scenarioNames() string {
	var n []string
	for k := range scenarios {
		n = append(n, k)
	}
	sort.Strings(n)
	return strings.Join(n, ", ")
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("refile", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "zh", "language: zh or en")
	asJSON := fs.Bool("json", false, "print the plan as JSON")
	scenario := fs.String("scenario", "", "a built-in scenario: "+scenarioNames())
	files, code := cli.Parse(fs, args)
	if code >= 0 {
		return code
	}
	tag := cli.Lang(*lang)
	var before, after refile.Deployment
	var err error
	title := ""
	switch {
	case *scenario != "":
		sc, ok := scenarios[*scenario]
		if !ok {
			fmt.Fprintf(stderr, "refile: unknown scenario %q (%s)\n", *scenario, scenarioNames())
			return 2
		}
		before, _ = refile.DecodeDeployment(strings.NewReader(base))
		after, _ = refile.DecodeDeployment(strings.NewReader(base))
		sc.edit(&after)
		// A scenario's title is "中文 / English": print the half in the chosen language.
		zh, en, _ := strings.Cut(sc.title, " / ")
		title = zh
		if tag == language.English {
			title = en
		}
	case len(files) == 2:
		if before, err = load(files[0]); err == nil {
			after, err = load(files[1])
		}
		if err != nil {
			fmt.Fprintln(stderr, "refile:", err)
			return 2
		}
		title = files[0] + " → " + files[1]
	default:
		fmt.Fprintln(stderr, "usage: refile [flags] before.json after.json | refile -scenario NAME")
		fs.PrintDefaults()
		return 2
	}
	plan := refile.Plan(before, after, icp.WithLanguage(tag))
	if !plan.Findings.OK() {
		for _, f := range plan.Findings.Errors() {
			fmt.Fprintf(stderr, "refile: %s: %s\n", f.Field, f.Message)
		}
		return 2
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		_ = enc.Encode(plan)
	} else {
		printPlan(stdout, title, plan, tag)
	}
	if plan.Required() {
		return 1
	}
	return 0
}

func load(path string) (refile.Deployment, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return refile.Deployment{}, err
	}
	d, err := refile.DecodeDeployment(bytes.NewReader(b))
	var de *icp.DecodeError
	if errors.As(err, &de) && de.Path != "" {
		return d, fmt.Errorf("%s: the field %s: %s", path, de.Path, de.Reason)
	}
	if err != nil {
		return d, fmt.Errorf("%s: %w", path, err)
	}
	return d, nil
}

func printPlan(w io.Writer, title string, plan refile.Result, tag language.Tag) {
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, strings.Repeat("=", 60))
	if len(plan.Actions) == 0 {
		fmt.Fprintln(w, cli.T(tag, "cli.no_filing"))
	}
	for i, a := range plan.Actions {
		need := cli.T(tag, "cli.required")
		if !a.Required {
			need = cli.T(tag, "cli.recommended")
		}
		fmt.Fprintf(w, "%d. %s: %s (%s)", i+1, cli.T(tag, "cli.step", "n", strconv.Itoa(int(a.Step))), icp.DisplayName(tag, a.Type), need)
		if a.Site != "" {
			fmt.Fprintf(w, " — %s", a.Site)
		}
		if a.Provider != "" {
			fmt.Fprintf(w, " @ %s", a.Provider)
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "   %s [%s]\n", a.Reason.Message, a.Reason.Source)
		var vs []string
		for _, v := range a.Verifiers {
			vs = append(vs, v.String())
		}
		if len(vs) == 0 {
			fmt.Fprintf(w, "   %s", cli.T(tag, "cli.sms_none"))
		} else {
			fmt.Fprintf(w, "   %s", cli.T(tag, "cli.sms", "who", strings.Join(vs, ",")))
		}
		if a.WaitsFor > 0 {
			fmt.Fprintf(w, "   %s", cli.T(tag, "cli.waits_for", "step", strconv.Itoa(a.WaitsFor)))
		}
		if len(a.Documents) > 0 {
			var ds []string
			for _, d := range a.Documents {
				ds = append(ds, d.String())
			}
			fmt.Fprintf(w, "   %s", cli.T(tag, "cli.documents", "kinds", strings.Join(ds, ",")))
		}
		fmt.Fprintln(w)
	}
	if len(plan.Notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range plan.Notes {
			fmt.Fprintf(w, "* %s [%s]\n", n.Message, n.Source)
		}
	}
}
