package runtime

import (
	"reflect"
	"testing"
)

// testPermissionTable is a small table in the generated form: sorted by
// Method, least first in every list.
var testPermissionTable = PermissionTable{
	{
		Method: "ItemCollectionRequest.Create", HTTPMethod: "POST",
		Grants: []PermissionGrants{{
			Paths:         []string{"/items"},
			Published:     []string{"/items"},
			DelegatedWork: []APIPermission{{Name: "Items.ReadWrite.All", ID: "w-rw", Least: true}},
			Application:   []APIPermission{{Name: "Items.ReadWrite.All", ID: "a-rw", Least: true}},
		}},
	},
	{
		Method: "ItemCollectionRequest.List", HTTPMethod: "GET",
		Grants: []PermissionGrants{{
			Paths:     []string{"/items"},
			Published: []string{"/items"},
			DelegatedWork: []APIPermission{
				{Name: "Items.Read.All", ID: "w-r", Least: true},
				{Name: "Items.ReadWrite.All", ID: "w-rw"},
			},
			Application: []APIPermission{
				{Name: "Items.Read.All", ID: "a-r", Least: true},
				{Name: "Items.ReadWrite.All", ID: "a-rw"},
			},
		}},
	},
	{
		Method: "ItemRequest.Archive", HTTPMethod: "POST",
		Grants: []PermissionGrants{{
			Paths:     []string{"/items/{id}/archive"},
			Published: []string{"/items/{id}/archive"},
			DelegatedWork: []APIPermission{
				{Name: "Items.Archive", ID: "w-ar", Least: true, AlsoRequires: []string{"Items.Read.All"}},
			},
		}},
	},
	{
		Method: "ItemRequest.Get", HTTPMethod: "GET",
		Grants: []PermissionGrants{
			{
				Paths:     []string{"/items/{id}"},
				Published: []string{"/items/{id}"},
				DelegatedWork: []APIPermission{
					{Name: "Items.Read.All", ID: "w-r", Least: true},
					{Name: "Items.ReadWrite.All", ID: "w-rw"},
				},
			},
			{Paths: []string{"/me/items/{id}", "/users/{id}/items/{id}"}},
		},
	},
}

func TestPermissionTableLookup(t *testing.T) {
	tests := []struct {
		method   string
		wantOK   bool
		wantHTTP string
	}{
		{"ItemCollectionRequest.List", true, "GET"},
		{"ItemRequest.Get", true, "GET"},
		{"ItemCollectionRequest.Create", true, "POST"},
		{"ItemRequest.Delete", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		got, ok := testPermissionTable.Lookup(tt.method)
		if ok != tt.wantOK || got.HTTPMethod != tt.wantHTTP {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.method, got.HTTPMethod, ok, tt.wantHTTP, tt.wantOK)
		}
	}
}

func TestPermissionTableRequired(t *testing.T) {
	tests := []struct {
		name    string
		methods []string
		want    PermissionRequirements
	}{
		{
			name:    "least of one method",
			methods: []string{"ItemCollectionRequest.List"},
			want: PermissionRequirements{
				DelegatedWork:     SchemeRequirements{Permissions: []APIPermission{{Name: "Items.Read.All", ID: "w-r"}}},
				Application:       SchemeRequirements{Permissions: []APIPermission{{Name: "Items.Read.All", ID: "a-r"}}},
				DelegatedPersonal: SchemeRequirements{Uncovered: []string{"GET /items (ItemCollectionRequest.List)"}},
			},
		},
		{
			name:    "read dropped when read-write is needed anyway",
			methods: []string{"ItemCollectionRequest.List", "ItemCollectionRequest.Create"},
			want: PermissionRequirements{
				DelegatedWork: SchemeRequirements{
					Permissions: []APIPermission{{Name: "Items.ReadWrite.All", ID: "w-rw"}},
				},
				Application: SchemeRequirements{
					Permissions: []APIPermission{{Name: "Items.ReadWrite.All", ID: "a-rw"}},
				},
				DelegatedPersonal: SchemeRequirements{Uncovered: []string{
					"GET /items (ItemCollectionRequest.List)",
					"POST /items (ItemCollectionRequest.Create)",
				}},
			},
		},
		{
			name:    "also-required permission is kept",
			methods: []string{"ItemRequest.Archive", "ItemCollectionRequest.Create"},
			want: PermissionRequirements{
				DelegatedWork: SchemeRequirements{Permissions: []APIPermission{
					{Name: "Items.Archive", ID: "w-ar"},
					{Name: "Items.Read.All", ID: "w-r"},
					{Name: "Items.ReadWrite.All", ID: "w-rw"},
				}},
				Application: SchemeRequirements{
					Permissions: []APIPermission{{Name: "Items.ReadWrite.All", ID: "a-rw"}},
					Uncovered:   []string{"POST /items/{id}/archive (ItemRequest.Archive)"},
				},
				DelegatedPersonal: SchemeRequirements{Uncovered: []string{
					"POST /items (ItemCollectionRequest.Create)",
					"POST /items/{id}/archive (ItemRequest.Archive)",
				}},
			},
		},
		{
			name:    "paths without permissions are uncovered",
			methods: []string{"ItemRequest.Get"},
			want: PermissionRequirements{
				DelegatedWork: SchemeRequirements{
					Permissions: []APIPermission{{Name: "Items.Read.All", ID: "w-r"}},
					Uncovered: []string{
						"GET /me/items/{id} (ItemRequest.Get)",
						"GET /users/{id}/items/{id} (ItemRequest.Get)",
					},
				},
				Application: SchemeRequirements{Uncovered: []string{
					"GET /items/{id} (ItemRequest.Get)",
					"GET /me/items/{id} (ItemRequest.Get)",
					"GET /users/{id}/items/{id} (ItemRequest.Get)",
				}},
				DelegatedPersonal: SchemeRequirements{Uncovered: []string{
					"GET /items/{id} (ItemRequest.Get)",
					"GET /me/items/{id} (ItemRequest.Get)",
					"GET /users/{id}/items/{id} (ItemRequest.Get)",
				}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := testPermissionTable.Required(tt.methods...)
			if err != nil {
				t.Fatalf("Required(%q): %v", tt.methods, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Required(%q):\n got  %+v\n want %+v", tt.methods, got, tt.want)
			}
			again, _ := testPermissionTable.Required(tt.methods...)
			if !reflect.DeepEqual(got, again) {
				t.Errorf("Required(%q) differs between two calls", tt.methods)
			}
		})
	}
}

func TestPermissionTableRequiredRejectsUnknownMethods(t *testing.T) {
	_, err := testPermissionTable.Required("ItemCollectionRequest.List", "Nope.Get", "Other.List")
	want := "required permissions: unknown request methods Nope.Get, Other.List"
	if err == nil || err.Error() != want {
		t.Errorf("Required with unknown methods: got error %v, want %q", err, want)
	}
}
