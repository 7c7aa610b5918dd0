package janua

import (
	"context"
	"net/url"
	"strconv"
)

// ListParams are the paging arguments of every list (sdks/README.md §5). Prefer Cursor: cursor
// pages are stable while rows are inserted.
type ListParams struct {
	Limit  int
	Cursor string
	Page   int
}

func (p *ListParams) values() url.Values {
	v := url.Values{}
	if p == nil {
		return v
	}
	if p.Limit > 0 {
		v.Set("limit", strconv.Itoa(p.Limit))
	}
	if p.Cursor != "" {
		v.Set("cursor", p.Cursor)
	}
	if p.Page > 0 {
		v.Set("page", strconv.Itoa(p.Page))
	}
	return v
}

// Page is one page of a list: the items and the server's pagination, with a way to the next page.
type Page[T any] struct {
	Data       []T         `json:"data"`
	Pagination *Pagination `json:"pagination,omitempty"`

	next func(ctx context.Context, cursor string) (*Page[T], error)
}

// HasMore tells whether another page follows.
func (p *Page[T]) HasMore() bool {
	return p.Pagination != nil && p.Pagination.HasMore && p.Pagination.NextCursor != ""
}

// Next fetches the following page, or returns nil on the last one.
func (p *Page[T]) Next(ctx context.Context) (*Page[T], error) {
	if !p.HasMore() || p.next == nil {
		return nil, nil
	}
	return p.next(ctx, p.Pagination.NextCursor)
}

// All walks every item of every page from this one on, in order.
func (p *Page[T]) All(ctx context.Context) ([]T, error) {
	var all []T
	for page := p; page != nil; {
		all = append(all, page.Data...)
		var err error
		if page, err = page.Next(ctx); err != nil {
			return all, err
		}
	}
	return all, nil
}

// Iter walks items across pages: for it.Next(ctx) { item := it.Current() }; then check it.Err().
type Iter[T any] struct {
	page *Page[T]
	i    int
	err  error
	cur  T
}

// Iter starts an iterator at this page.
func (p *Page[T]) Iter() *Iter[T] { return &Iter[T]{page: p, i: -1} }

func (it *Iter[T]) Next(ctx context.Context) bool {
	for it.page != nil {
		it.i++
		if it.i < len(it.page.Data) {
			it.cur = it.page.Data[it.i]
			return true
		}
		next, err := it.page.Next(ctx)
		if err != nil {
			it.err = err
			return false
		}
		it.page, it.i = next, -1
	}
	return false
}

func (it *Iter[T]) Current() T { return it.cur }
func (it *Iter[T]) Err() error { return it.err }

// list loads one page of a list route and wires Next to load the following ones by cursor.
func list[T any](ctx context.Context, c *Client, name string, params []string, query url.Values, opts []RequestOption) (*Page[T], error) {
	o := applyOptions(opts)
	var load func(ctx context.Context, cursor string) (*Page[T], error)
	load = func(ctx context.Context, cursor string) (*Page[T], error) {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		if cursor != "" {
			q.Set("cursor", cursor)
			q.Del("page")
		}
		var p Page[T]
		if err := c.call(ctx, name, params, q, nil, &p, o); err != nil {
			return nil, err
		}
		p.next = load
		return &p, nil
	}
	return load(ctx, "")
}
