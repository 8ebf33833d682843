package runtime

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
)

// Page is one page of a collection response.
type Page[T any] struct {
	// Items holds the members of the page.
	Items []T

	// NextLink is the URL of the next page, or "" on the last page.
	NextLink string

	// DeltaLink is the URL for later changes, sent on the last page of a
	// delta query.
	DeltaLink string

	// Count is the total number of items, present when it was asked for.
	Count Nullable[int64]
}

// Pager reads a collection one page at a time, following the
// @odata.nextLink of each page. It refuses a next link whose scheme or
// host differs from the base URL of the Client, so that credentials are
// never sent elsewhere. A Pager is not safe for concurrent use.
//
// Read page by page:
//
//	for pager.More() {
//		page, err := pager.Next(ctx)
//		if err != nil {
//			return err
//		}
//		for _, item := range page.Items {
//			// use item
//		}
//	}
//
// or item by item with All.
type Pager[T any] struct {
	client *Client
	next   *url.URL
	err    error
	opts   *RequestOptions
	decode func([]byte) (T, error)
}

// More reports whether Next has a page or an error to return.
func (p *Pager[T]) More() bool {
	return p.next != nil || p.err != nil
}

// Next fetches the next page. After a failed request More stays true, so
// the same page can be asked for again.
func (p *Pager[T]) Next(ctx context.Context) (*Page[T], error) {
	if p.err != nil {
		err := p.err
		p.err = nil
		return nil, err
	}
	if p.next == nil {
		return nil, errors.New("graph: no more pages")
	}
	data, err := p.client.send(ctx, http.MethodGet, p.next, nil, p.opts)
	if err != nil {
		return nil, err
	}
	current := p.next
	p.next = nil
	page, err := decodePage(data, p.decode)
	if err != nil {
		return nil, fmt.Errorf("graph: decode page of %s: %w", current.Path, err)
	}
	if page.NextLink != "" {
		p.next, p.err = p.client.followLink(current, page.NextLink)
		// Known limitation: only a page that links to itself is caught; a
		// longer cycle of next links goes on until the caller stops.
		if p.err == nil && p.next.String() == current.String() {
			p.next, p.err = nil, fmt.Errorf("graph: the page of %s links to itself as the next page", current.Path)
		}
	}
	return page, nil
}

// Pages returns an iterator over the remaining pages. It stops after the
// first error, which it yields with a nil page.
func (p *Pager[T]) Pages(ctx context.Context) iter.Seq2[*Page[T], error] {
	return func(yield func(*Page[T], error) bool) {
		for p.More() {
			page, err := p.Next(ctx)
			if !yield(page, err) || err != nil {
				return
			}
		}
	}
}

// All returns an iterator over the remaining items of all pages. It stops
// after the first error, which it yields with the zero T.
func (p *Pager[T]) All(ctx context.Context) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page, err := range p.Pages(ctx) {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, item := range page.Items {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

// newPager returns a Pager whose first page is the collection at path with
// the query parameters, as for doJSON; decode decodes each item.
//
//go:noinline
func newPager[T any](c *Client, path string, query []queryParam, opts *RequestOptions,
	decode func([]byte) (T, error)) *Pager[T] {
	p := &Pager[T]{client: c, opts: opts, decode: decode}
	p.next, p.err = c.endpoint(path, query)
	return p
}

// pagerFromLink returns a Pager whose first page is link, an absolute
// next or delta link from an earlier response. The link must have the
// scheme and host of the base URL.
func pagerFromLink[T any](c *Client, link string, opts *RequestOptions,
	decode func([]byte) (T, error)) *Pager[T] {
	p := &Pager[T]{client: c, opts: opts, decode: decode}
	if c.baseErr != nil {
		p.err = c.baseErr
		return p
	}
	p.next, p.err = c.followLink(c.base, link)
	return p
}

// listAll returns an iterator over all items of the collection at path,
// as for newPager.
//
//go:noinline
func listAll[T any](ctx context.Context, c *Client, path string, query []queryParam,
	opts *RequestOptions, decode func([]byte) (T, error)) iter.Seq2[T, error] {
	return newPager(c, path, query, opts, decode).All(ctx)
}

// followLink resolves link against the URL it came from and checks that
// it stays on the scheme and host of the base URL.
func (c *Client) followLink(from *url.URL, link string) (*url.URL, error) {
	ref, err := url.Parse(link)
	if err != nil {
		return nil, fmt.Errorf("graph: next link: %w", err)
	}
	u := from.ResolveReference(ref)
	if !c.sameOrigin(u) {
		return nil, fmt.Errorf("graph: refusing link to %s://%s: base URL is %s://%s",
			u.Scheme, u.Host, c.base.Scheme, c.base.Host)
	}
	return u, nil
}

// decodePage decodes a collection response, passing each item to decode.
func decodePage[T any](data []byte, decode func([]byte) (T, error)) (*Page[T], error) {
	var envelope struct {
		Value     []json.RawMessage `json:"value"`
		NextLink  string            `json:"@odata.nextLink"`
		DeltaLink string            `json:"@odata.deltaLink"`
		Count     Nullable[int64]   `json:"@odata.count"`
	}
	if err := json.Unmarshal(data, &envelope); err != nil {
		return nil, err
	}
	page := &Page[T]{
		NextLink:  envelope.NextLink,
		DeltaLink: envelope.DeltaLink,
		Count:     envelope.Count,
		Items:     make([]T, 0, len(envelope.Value)),
	}
	for i, raw := range envelope.Value {
		item, err := decode(raw)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i, err)
		}
		page.Items = append(page.Items, item)
	}
	return page, nil
}
