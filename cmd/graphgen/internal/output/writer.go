package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Names of the hidden files Write keeps in the folder while it runs.
const (
	tempPattern   = ".graphgen-tmp-*"
	backupPattern = ".graphgen-bak-*"
)

// writer applies plans to the file system. Its fields are the operations that
// can fail part way through, so that tests can make them fail on purpose.
type writer struct {
	rename     func(oldPath, newPath string) error
	createTemp func(dir, pattern string) (*os.File, error)
}

// newWriter returns a writer that uses the real file system.
func newWriter() *writer {
	return &writer{rename: os.Rename, createTemp: os.CreateTemp}
}

// write is the implementation of [Write].
func (w *writer) write(dir string, files []File) (Report, error) {
	p, err := makePlan(dir, files)
	if err != nil {
		return Report{}, err
	}
	t := &transaction{w: w, dir: dir}
	if err := t.run(p); err != nil {
		return Report{}, errors.Join(err, t.rollback())
	}
	t.cleanup()
	return p.report(), nil
}

// move is a rename that has been done and must be undone on rollback.
type move struct {
	from, to string
}

// transaction records what one call of Write has changed so far.
type transaction struct {
	w        *writer
	dir      string
	madeDirs []string          // folders created, outermost first
	temps    map[string]string // file name to the temporary file with its new content
	scratch  []string          // every hidden file created
	moves    []move            // renames done, in order
}

// run applies p. On error, the changes made so far stay recorded in t.
func (t *transaction) run(p *plan) error {
	if !p.dirExists {
		if err := t.makeDir(); err != nil {
			return err
		}
	}
	if err := t.writeTemps(p); err != nil {
		return err
	}

	for _, f := range p.update {
		if err := t.backup(f.Name); err != nil {
			return err
		}
		if err := t.install(f.Name); err != nil {
			return err
		}
	}
	for _, f := range p.create {
		if err := t.install(f.Name); err != nil {
			return err
		}
	}
	for _, name := range p.remove {
		if err := t.backup(name); err != nil {
			return err
		}
	}
	return nil
}

// makeDir creates t.dir and its missing parents, remembering each one.
func (t *transaction) makeDir() error {
	var missing []string
	for d := filepath.Clean(t.dir); ; d = filepath.Dir(d) {
		_, err := os.Lstat(d)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("output: %w", err)
		}
		missing = append(missing, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		t.madeDirs = append(t.madeDirs, missing[i])
	}
	return nil
}

// writeTemps writes the content of every new and changed file to a hidden
// temporary file in the folder.
func (t *transaction) writeTemps(p *plan) error {
	t.temps = make(map[string]string)
	for _, f := range p.create {
		if err := t.writeTemp(f, 0o644); err != nil {
			return err
		}
	}
	for _, f := range p.update {
		info, err := os.Stat(filepath.Join(t.dir, f.Name))
		if err != nil {
			return fmt.Errorf("output: %w", err)
		}
		if err := t.writeTemp(f, info.Mode().Perm()); err != nil {
			return err
		}
	}
	return nil
}

// writeTemp writes f to a new temporary file with the given permissions.
func (t *transaction) writeTemp(f File, perm fs.FileMode) error {
	tmp, err := t.w.createTemp(t.dir, tempPattern)
	if err != nil {
		return fmt.Errorf("output: write %s: %w", f.Name, err)
	}
	t.scratch = append(t.scratch, tmp.Name())
	t.temps[f.Name] = tmp.Name()

	_, err = tmp.Write(f.Content)
	if err == nil {
		err = tmp.Chmod(perm)
	}
	if err == nil {
		err = tmp.Sync()
	}
	err = errors.Join(err, tmp.Close())
	if err != nil {
		return fmt.Errorf("output: write %s: %w", f.Name, err)
	}
	return nil
}

// backup moves the file name out of the way to a hidden backup file.
func (t *transaction) backup(name string) error {
	b, err := t.w.createTemp(t.dir, backupPattern)
	if err != nil {
		return fmt.Errorf("output: back up %s: %w", name, err)
	}
	t.scratch = append(t.scratch, b.Name())
	if err := b.Close(); err != nil {
		return fmt.Errorf("output: back up %s: %w", name, err)
	}
	return t.move(filepath.Join(t.dir, name), b.Name())
}

// install moves the temporary file holding the new content of name into place.
func (t *transaction) install(name string) error {
	return t.move(t.temps[name], filepath.Join(t.dir, name))
}

// move renames from to to and records the rename.
func (t *transaction) move(from, to string) error {
	if err := t.w.rename(from, to); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	t.moves = append(t.moves, move{from: from, to: to})
	return nil
}

// rollback undoes the renames in reverse order, then deletes the hidden files
// and the folders created by t.
func (t *transaction) rollback() error {
	var errs []error
	for i := len(t.moves) - 1; i >= 0; i-- {
		m := t.moves[i]
		if err := t.w.rename(m.to, m.from); err != nil {
			errs = append(errs, err)
		}
	}
	errs = append(errs, t.removeScratch())
	for i := len(t.madeDirs) - 1; i >= 0; i-- {
		errs = append(errs, os.Remove(t.madeDirs[i]))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("output: roll back in %s failed, folder may be inconsistent: %w", t.dir, err)
	}
	return nil
}

// cleanup deletes the hidden files after a successful run.
//
// Known limitation: a hidden file that cannot be deleted at this point stays in
// the folder; Write still succeeds because the generated files are in place.
func (t *transaction) cleanup() {
	_ = t.removeScratch()
}

// removeScratch deletes the hidden files that still exist.
func (t *transaction) removeScratch() error {
	var errs []error
	for _, path := range t.scratch {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
