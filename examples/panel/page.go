package main

import (
	_ "embed"
	"html/template"
)

// page.html is the wizard: one section per step, plus the templates of a
// site and of a site manager that app.js copies for each site.
//
//go:embed page.html
var pageHTML string

var pageTmpl = template.Must(template.New("page").Parse(pageHTML))
