// Command footer prints the footer snippet for a site's numbers, or audits
// the footer of a page.
//
// Usage:
//
//	footer -icp 浙ICP备2021000001号-1 [-police 浙公网安备33010602011771号] [-company 名称] [-license 浙B2-20080224] [-icon URL]
//	footer -icp 浙ICP备2021000001号-1 -audit page.html
//	footer -icp 浙ICP备2021000001号-1 -audit https://example.com/
//
// Numbers may be typed loosely (spaces, full width): they are normalised and
// the fixes reported. A police number may be given as its 14 digits. Pages
// are fetched with a timeout and a size cap. The exit status is 0 when all
// is well, 1 when the audit finds errors, 2 when the input is unusable.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/icpkit/icpkit/examples/internal/cli"
	"github.com/icpkit/icpkit/icp"
	"github.com/icpkit/icpkit/icp/audit"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, http.DefaultClient)) }

func run(args []string, stdout, stderr io.Writer, client *http.Client) int {
	fs := flag.NewFlagSet("footer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	icpNum := fs.String("icp", "", "the site's ICP filing number (required)")
	police := fs.String("police", "", "the public-security (公网安备) number, or its 14 digits")
	company := fs.String("company", "", "company name shown before the numbers")
	license := fs.String("license", "", "an ICP证 or B2 licence to show")
	icon := fs.String("icon", "", "URL of the 公网安备 emblem (no icon when empty)")
	pageArg := fs.String("audit", "", "audit this page (a file or an http(s) URL) instead of printing")
	lang := fs.String("lang", "zh", "language of the messages: zh or en")
	timeout := fs.Duration("timeout", 10*time.Second, "timeout for fetching a page")
	maxBytes := fs.Int64("max-bytes", audit.DefaultLimit, "bytes of the page to read")
	if _, code := cli.Parse(fs, args); code >= 0 {
		return code
	}
	if *icpNum == "" {
		fmt.Fprintln(stderr, "footer: -icp is required")
		return 2
	}
	var f icp.Footer
	var err error
	if f.ICP, err = number(stderr, "icp", *icpNum); err != nil {
		fmt.Fprintln(stderr, "footer:", err)
		return 2
	}
	if *police != "" {
		if f.Police, err = policeNumber(stderr, *police); err != nil {
			fmt.Fprintln(stderr, "footer:", err)
			return 2
		}
	}
	if *license != "" {
		if f.License, err = number(stderr, "license", *license); err != nil {
			fmt.Fprintln(stderr, "footer:", err)
			return 2
		}
	}
	f.Company, f.PoliceIcon = *company, *icon
	if *pageArg == "" {
		h, err := f.HTML()
		if err != nil {
			fmt.Fprintln(stderr, "footer:", err)
			for _, x := range f.Check(icp.WithLanguage(cli.Lang(*lang))).Errors() {
				fmt.Fprintln(stderr, "  ", x.Message)
			}
			return 2
		}
		txt, _ := f.Text()
		app, _ := f.AppText()
		for _, w := range f.Check(icp.WithLanguage(cli.Lang(*lang))).Warnings() {
			fmt.Fprintln(stderr, "warning:", w.Message)
		}
		fmt.Fprintf(stdout, "HTML:\n%s\n\nText:\n%s\n\nApp:\n%s\n", h, txt, app)
		return 0
	}
	tag := cli.Lang(*lang)
	page, err := open(*pageArg, client, *timeout, *maxBytes)
	if err != nil {
		fmt.Fprintln(stderr, "footer:", err)
		return 2
	}
	defer page.Close()
	r, err := audit.AuditFooter(page, f, audit.Limit(*maxBytes), icp.WithLanguage(tag))
	if err != nil {
		fmt.Fprintln(stderr, "footer: reading the page:", err)
		return 2
	}
	if len(r.Findings) == 0 {
		fmt.Fprintln(stdout, "OK: the footer shows", f.Shown(), "linked to", icp.MIITURL)
	}
	for _, x := range r.Findings {
		fmt.Fprintln(stdout, x)
	}
	if !r.OK() {
		return 1
	}
	return 0
}

func number(stderr io.Writer, what, s string) (icp.Number, error) {
	n, fixes, err := icp.NormalizeNumber(s)
	if err != nil {
		return icp.Number{}, fmt.Errorf("-%s: %w", what, err)
	}
	if len(fixes) > 0 {
		fmt.Fprintf(stderr, "note: -%s read as %s (fixed: %v)\n", what, n, fixes)
	}
	return n, nil
}

// policeNumber accepts a full 公网安备 number or its 14 digits, whose first
// two digits name the province.
func policeNumber(stderr io.Writer, s string) (icp.Number, error) {
	s = strings.TrimSpace(s)
	if strings.Trim(s, "0123456789") == "" {
		// Bare digits: the 14 of a public-security number.
		n, err := icp.PoliceNumber(s)
		if err != nil {
			return icp.Number{}, fmt.Errorf("-police: %w", err)
		}
		return n, nil
	}
	return number(stderr, "police", s)
}

// open returns the page to audit: a file, or a URL fetched with a timeout;
// the audit itself caps what it reads.
func open(target string, client *http.Client, timeout time.Duration, maxBytes int64) (io.ReadCloser, error) {
	if !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") {
		return os.Open(target)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		cancel()
		return nil, err
	}
	req.Header.Set("User-Agent", "icpkit-footer-audit/1")
	resp, err := client.Do(req)
	if err != nil {
		cancel()
		var ne interface{ Timeout() bool }
		if errors.As(err, &ne) && ne.Timeout() {
			return nil, fmt.Errorf("fetching %s timed out after %s", target, timeout)
		}
		return nil, fmt.Errorf("cannot fetch %s (offline?): %w", target, err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		cancel()
		return nil, fmt.Errorf("fetching %s: %s", target, resp.Status)
	}
	return readCloser{io.LimitReader(resp.Body, maxBytes+1), func() error { cancel(); return resp.Body.Close() }}, nil
}

type readCloser struct {
	io.Reader
	close func() error
}

func (r readCloser) Close() error { return r.close() }
