package main

import (
	"errors"
	"flag"
	"io/fs"
	"os"

	"github.com/betweensessions/between/i18n"
	"github.com/betweensessions/between/templates"
	"github.com/betweensessions/between/worksheet/site"
	"github.com/betweensessions/between/worksheet/site/siteconfig"
)

// configFlags are the flags of "between build" and "between serve" that
// choose the site configuration file and override what it sets.
type configFlags struct {
	file  *string
	paper i18n.PaperSize
}

// addConfigFlags defines --config and --paper on fset.
func addConfigFlags(fset *flag.FlagSet) *configFlags {
	c := &configFlags{}
	c.file = fset.String("config", "", "the site configuration `file` (default: "+siteconfig.FileName+" in this folder, if there is one)")
	fset.Func("paper", "the paper `size` of every PDF, letter or a4 (default: the configuration's, else each language's region)", func(s string) error {
		return c.paper.UnmarshalText([]byte(s))
	})
	return c
}

// load reads the configuration file (--config, or between.toml in the
// working folder when there is one) and sets opts from it; the flags
// already in opts (Langs from --lang) and --paper win over the file. It
// returns the path of the file used, or "" when there was none. The file
// is checked against the handouts of opts.Sources and the languages of
// cat.
func (c *configFlags) load(opts *site.Options, cat *i18n.Catalog) (string, error) {
	name := *c.file
	if name == "" {
		if _, err := os.Lstat(siteconfig.FileName); errors.Is(err, fs.ErrNotExist) {
			opts.Paper = c.paper
			return "", nil
		}
		name = siteconfig.FileName
	}
	lib, err := templates.Layer(opts.Sources...)
	if err != nil {
		return "", err
	}
	cfg, err := siteconfig.Load(name, siteconfig.Known{IDs: lib.IDs(), Locales: cat})
	if err != nil {
		return "", err
	}
	if len(opts.Langs) == 0 {
		opts.Langs = cfg.Langs
	}
	opts.Paper = cfg.Paper
	if c.paper != "" {
		opts.Paper = c.paper
	}
	opts.IDs = cfg.Handouts
	opts.LinkVariant = cfg.Variant
	opts.Branding = cfg.Branding
	return name, nil
}
