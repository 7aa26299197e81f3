/* The floor of hotfix start + finish on libgit2, without hotfix: the git work both commands cannot avoid, done with
 * the libgit2 that hotfix ships (LibGit2Sharp.NativeBinaries, libgit2 1.8) and nothing around it — no .NET runtime,
 * no policy, no checks, no journal. One process per command, as hotfix runs them:
 *
 *   cycle-floor start REPO NAME    refuse on changes to tracked files (one status, untracked files off, as hotfix's
 *                                  start asks), create refs/heads/hotfix/NAME at main's commit, check its tree out
 *                                  safely from HEAD (GIT_CHECKOUT_SAFE: never overwrites a local change), HEAD onto it
 *   cycle-floor finish REPO NAME   merge hotfix/NAME into main and into develop in memory (a two-parent commit each:
 *                                  --no-ff merges), move main and develop (compare-and-swap on the tips read), check
 *                                  out develop's new tree safely from the hotfix branch's, HEAD onto develop, delete
 *                                  the branch. The merged tree is found as hotfix finds it (GitRepository.TrivialMerge):
 *                                  when both sides changed disjoint paths since their one merge base, ours with their
 *                                  changed entries, only the trees on those paths rewritten (git_tree_create_updated);
 *                                  otherwise — and always with CYCLE_FLOOR_MERGE=full — libgit2's merge
 *                                  (git_merge_commits, the tree written from the merged index)
 *   cycle-floor open REPO          libgit2's initialisation and the repository open only (their floor)
 *   cycle-floor merges REPO        the proof of finish's merge: for each "OURS THEIRS" commit pair on stdin, the tree
 *                                  it finds without libgit2's merge must be the tree git_merge_commits finds (pairs
 *                                  that conflict are skipped); prints the counts, exit 1 on the first difference
 *
 * Objects are read as hotfix reads them: no re-hash on read, whole trees cached (the two settings hotfix makes).
 *
 * Exit 0 done, 2 usage, 3 refused or failed (the message says which step; nothing is rolled back beyond what hotfix
 * rolls back: a failed start checkout removes the new branch again).
 *
 * Prototypes and the option structs of libgit2 1.8 are declared here so no libgit2 headers are needed (the version
 * is checked at run time, the structs' layout depends on it). Build:
 *   cc -O2 -o cycle-floor cycle-floor.c -L DIR -l:libgit2-5853918.so -Wl,-rpath,DIR
 * where DIR holds the libgit2 of the native publish and a link to it under its soname (libgit2-5853918.so.1.8);
 * floor-small.sh does this. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct git_repository git_repository;
typedef struct git_reference git_reference;
typedef struct git_commit git_commit;
typedef struct git_tree git_tree;
typedef struct git_object git_object;
typedef struct git_index git_index;
typedef struct git_status_list git_status_list;
typedef struct git_signature git_signature;
typedef struct { unsigned char id[20]; } git_oid;
typedef struct { char **strings; size_t count; } git_strarray;
typedef struct { char *message; int klass; } git_error;
typedef struct git_tree_entry git_tree_entry;
typedef struct { git_oid *ids; size_t count; } git_oidarray;
typedef struct { int action; git_oid id; int filemode; const char *path; } git_tree_update; /* action 0: upsert */

/* libgit2 1.8's git_status_options and git_checkout_options, field for field. */
typedef struct {
    unsigned int version;
    int show;
    unsigned int flags;
    git_strarray pathspec;
    git_tree *baseline;
    unsigned short rename_threshold;
} git_status_options;

typedef struct {
    unsigned int version;
    unsigned int checkout_strategy;
    int disable_filters;
    unsigned int dir_mode;
    unsigned int file_mode;
    int file_open_flags;
    unsigned int notify_flags;
    void *notify_cb;
    void *notify_payload;
    void *progress_cb;
    void *progress_payload;
    git_strarray paths;
    git_tree *baseline;
    git_index *baseline_index;
    const char *target_directory;
    const char *ancestor_label;
    const char *our_label;
    const char *their_label;
    void *perfdata_cb;
    void *perfdata_payload;
} git_checkout_options;

#define GIT_CHECKOUT_SAFE 1u /* libgit2 1.8: 1 << 0 (0 is the dry run there) */

int git_libgit2_init(void);
int git_libgit2_version(int *major, int *minor, int *rev);
int git_libgit2_opts(int option, ...);
const git_error *git_error_last(void);
int git_repository_open(git_repository **out, const char *path);
int git_repository_set_head(git_repository *repo, const char *refname);
int git_status_options_init(git_status_options *opts, unsigned int version);
int git_status_list_new(git_status_list **out, git_repository *repo, const git_status_options *opts);
size_t git_status_list_entrycount(git_status_list *statuslist);
void git_status_list_free(git_status_list *statuslist);
int git_reference_name_to_id(git_oid *out, git_repository *repo, const char *name);
int git_reference_create(git_reference **out, git_repository *repo, const char *name, const git_oid *id, int force,
                         const char *log_message);
int git_reference_create_matching(git_reference **out, git_repository *repo, const char *name, const git_oid *id,
                                  int force, const git_oid *current_id, const char *log_message);
int git_reference_lookup(git_reference **out, git_repository *repo, const char *name);
int git_reference_delete(git_reference *ref);
void git_reference_free(git_reference *ref);
int git_branch_delete(git_reference *branch);
int git_commit_lookup(git_commit **commit, git_repository *repo, const git_oid *id);
int git_commit_tree(git_tree **tree_out, const git_commit *commit);
int git_commit_create(git_oid *id, git_repository *repo, const char *update_ref, const git_signature *author,
                      const git_signature *committer, const char *message_encoding, const char *message,
                      const git_tree *tree, size_t parent_count, const git_commit *parents[]);
int git_tree_lookup(git_tree **out, git_repository *repo, const git_oid *id);
int git_merge_commits(git_index **out, git_repository *repo, const git_commit *our_commit,
                      const git_commit *their_commit, const void *opts);
int git_merge_bases(git_oidarray *out, git_repository *repo, const git_oid *one, const git_oid *two);
void git_oidarray_dispose(git_oidarray *array);
size_t git_tree_entrycount(const git_tree *tree);
const git_tree_entry *git_tree_entry_byindex(const git_tree *tree, size_t idx);
const char *git_tree_entry_name(const git_tree_entry *entry);
const git_oid *git_tree_entry_id(const git_tree_entry *entry);
int git_tree_entry_filemode(const git_tree_entry *entry);
int git_tree_entry_cmp(const git_tree_entry *e1, const git_tree_entry *e2);
const git_oid *git_tree_id(const git_tree *tree);
int git_tree_create_updated(git_oid *out, git_repository *repo, git_tree *baseline, size_t nupdates,
                            const git_tree_update *updates);
int git_oid_equal(const git_oid *a, const git_oid *b);
int git_oid_fromstr(git_oid *out, const char *str);
int git_index_has_conflicts(const git_index *index);
void git_index_free(git_index *index);
void git_tree_free(git_tree *tree);
void git_commit_free(git_commit *commit);
const git_oid *git_commit_id(const git_commit *commit);
int git_index_write_tree_to(git_oid *out, git_index *index, git_repository *repo);
int git_signature_default(git_signature **out, git_repository *repo);
int git_signature_now(git_signature **out, const char *name, const char *email);
int git_checkout_options_init(git_checkout_options *opts, unsigned int version);
int git_checkout_tree(git_repository *repo, const git_object *treeish, const git_checkout_options *opts);

static int full_merge; /* CYCLE_FLOOR_MERGE=full: libgit2's merge every time */

/* Every libgit2 call goes through here: a failure names the step and libgit2's message, exit 3. */
static void ok(int error, const char *what)
{
    const git_error *e;
    if (error >= 0) return;
    e = git_error_last();
    fprintf(stderr, "cycle-floor: %s failed: %s\n", what, e && e->message ? e->message : "(no message)");
    exit(3);
}

static git_repository *open_repository(const char *path)
{
    git_repository *repo;
    int major, minor, rev;
    ok(git_libgit2_init(), "git_libgit2_init");
    git_libgit2_version(&major, &minor, &rev);
    if (major != 1 || minor != 8) {
        fprintf(stderr, "cycle-floor: built for libgit2 1.8's option structs, loaded %d.%d.%d\n", major, minor, rev);
        exit(3);
    }
    /* hotfix's two process-wide settings (RepositorySession.Open): objects read without re-hashing each, as git reads
     * them (GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION off), and every tree kept in the object cache, not only those up
     * to 4 kB (GIT_OPT_SET_CACHE_OBJECT_LIMIT for GIT_OBJECT_TREE: 16 MB). */
    ok(git_libgit2_opts(22, 0), "GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION");
    ok(git_libgit2_opts(6, 2, (size_t)16 << 20), "GIT_OPT_SET_CACHE_OBJECT_LIMIT");
    ok(git_repository_open(&repo, path), "open the repository");
    return repo;
}

static git_commit *commit_of(git_repository *repo, const char *refname, git_oid *id)
{
    git_commit *commit;
    ok(git_reference_name_to_id(id, repo, refname), refname);
    ok(git_commit_lookup(&commit, repo, id), refname);
    return commit;
}

static int start(git_repository *repo, const char *name)
{
    char branch[512];
    git_status_options status_options;
    git_status_list *status;
    git_checkout_options checkout_options;
    git_reference *created;
    git_commit *main_commit;
    git_tree *tree;
    git_oid main_id;
    int error;

    /* Changes to tracked files stop it before any write: staged or not, untracked files aside. */
    ok(git_status_options_init(&status_options, 1), "status options");
    status_options.flags = 0;
    ok(git_status_list_new(&status, repo, &status_options), "status");
    if (git_status_list_entrycount(status) > 0) {
        fprintf(stderr, "cycle-floor: the working tree has %zu changed tracked files; nothing was changed\n",
                git_status_list_entrycount(status));
        return 3;
    }
    git_status_list_free(status);

    snprintf(branch, sizeof branch, "refs/heads/hotfix/%s", name);
    main_commit = commit_of(repo, "refs/heads/main", &main_id);
    ok(git_reference_create(&created, repo, branch, &main_id, 0, "branch: Created from main"), "create the branch");
    ok(git_commit_tree(&tree, main_commit), "main's tree");

    ok(git_checkout_options_init(&checkout_options, 1), "checkout options");
    checkout_options.checkout_strategy = GIT_CHECKOUT_SAFE;
    error = git_checkout_tree(repo, (const git_object *)tree, &checkout_options);
    if (error < 0) {
        const git_error *e = git_error_last();
        fprintf(stderr, "cycle-floor: checkout failed: %s; the new branch is removed again\n",
                e && e->message ? e->message : "(no message)");
        git_reference_delete(created);
        return 3;
    }
    ok(git_repository_set_head(repo, branch), "point HEAD at the branch");
    git_reference_free(created);
    return 0;
}

#define GIT_FILEMODE_TREE 0040000
#define GIT_FILEMODE_BLOB 0100644
#define GIT_FILEMODE_BLOB_EXECUTABLE 0100755
#define GIT_FILEMODE_LINK 0120000

/* One file entry that differs between two trees: its path and the new side's id and mode (mode 0: removed). */
typedef struct { char *path; git_oid id; int mode; } change;
typedef struct { change *items; size_t count, capacity; } changes;

static void add_change(changes *into, const char *prefix, const git_tree_entry *entry, int removed)
{
    size_t length = strlen(prefix) + strlen(git_tree_entry_name(entry)) + 1;
    change *c;
    if (into->count == into->capacity) {
        into->capacity = into->capacity ? 2 * into->capacity : 64;
        into->items = realloc(into->items, into->capacity * sizeof *into->items);
        if (!into->items) { fprintf(stderr, "cycle-floor: out of memory\n"); exit(3); }
    }
    c = &into->items[into->count++];
    c->path = malloc(length);
    if (!c->path) { fprintf(stderr, "cycle-floor: out of memory\n"); exit(3); }
    snprintf(c->path, length, "%s%s", prefix, git_tree_entry_name(entry));
    c->id = *git_tree_entry_id(entry);
    c->mode = removed ? 0 : git_tree_entry_filemode(entry);
}

static void compare_trees(git_repository *repo, const git_tree *old, const git_tree *now, const char *prefix,
                          changes *into);

/* A file is its path; a subtree that appeared or went away is every file in it. */
static void add_all(git_repository *repo, const git_tree_entry *entry, const char *prefix, changes *into, int removed)
{
    char folder[4096];
    git_tree *tree;
    if (git_tree_entry_filemode(entry) != GIT_FILEMODE_TREE) {
        add_change(into, prefix, entry, removed);
        return;
    }
    snprintf(folder, sizeof folder, "%s%s/", prefix, git_tree_entry_name(entry));
    ok(git_tree_lookup(&tree, repo, git_tree_entry_id(entry)), "read a tree");
    compare_trees(repo, removed ? tree : NULL, removed ? NULL : tree, folder, into);
    git_tree_free(tree);
}

/* The changed paths the way hotfix's NativeTreeComparison finds them: both entry lists walked in git's tree order, a
 * subtree with the same id on both sides skipped unread. */
static void compare_trees(git_repository *repo, const git_tree *old, const git_tree *now, const char *prefix,
                          changes *into)
{
    size_t old_count = old ? git_tree_entrycount(old) : 0, new_count = now ? git_tree_entrycount(now) : 0;
    size_t i = 0, j = 0;
    while (i < old_count || j < new_count) {
        const git_tree_entry *a = i < old_count ? git_tree_entry_byindex(old, i) : NULL;
        const git_tree_entry *b = j < new_count ? git_tree_entry_byindex(now, j) : NULL;
        int order = !a ? 1 : !b ? -1 : git_tree_entry_cmp(a, b);
        if (order < 0) {
            add_all(repo, a, prefix, into, 1);
            i++;
        } else if (order > 0) {
            add_all(repo, b, prefix, into, 0);
            j++;
        } else {
            if (!git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b))
                || git_tree_entry_filemode(a) != git_tree_entry_filemode(b)) {
                if (git_tree_entry_filemode(a) == GIT_FILEMODE_TREE && git_tree_entry_filemode(b) == GIT_FILEMODE_TREE) {
                    char folder[4096];
                    git_tree *x, *y;
                    snprintf(folder, sizeof folder, "%s%s/", prefix, git_tree_entry_name(a));
                    ok(git_tree_lookup(&x, repo, git_tree_entry_id(a)), "read a tree");
                    ok(git_tree_lookup(&y, repo, git_tree_entry_id(b)), "read a tree");
                    compare_trees(repo, x, y, folder, into);
                    git_tree_free(x);
                    git_tree_free(y);
                } else {
                    add_change(into, prefix, b, 0);
                }
            }
            i++;
            j++;
        }
    }
}

static void free_changes(changes *list)
{
    for (size_t i = 0; i < list->count; i++) free(list->items[i].path);
    free(list->items);
}

static const change *find_change(const changes *list, const char *path)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i].path, path) == 0) return &list->items[i];
    return NULL;
}

/* True when PATH is FOLDER itself or lies below it. */
static int within(const char *path, const char *folder)
{
    size_t n = strlen(folder);
    return strncmp(path, folder, n) == 0 && (path[n] == 0 || path[n] == '/');
}

/* hotfix's TrivialMerge: the merged tree when the two sides changed disjoint paths since their single merge base (a
 * path both changed to the same entry counts as disjoint), only their added or modified files taken over; 0 when
 * anything else calls for libgit2's merge (several bases, shared paths, a file against a folder, their deletions,
 * submodules). */
static int trivial_merge(git_repository *repo, git_commit *ours, git_commit *theirs, git_oid *tree_out)
{
    git_oidarray bases;
    git_commit *base;
    git_tree *base_tree, *our_tree, *their_tree;
    changes mine = {0}, their = {0};
    git_tree_update *updates;
    size_t n = 0;
    int done = 0;

    if (git_merge_bases(&bases, repo, git_commit_id(ours), git_commit_id(theirs)) < 0) return 0;
    if (bases.count != 1) { git_oidarray_dispose(&bases); return 0; }
    ok(git_commit_lookup(&base, repo, &bases.ids[0]), "the merge base");
    git_oidarray_dispose(&bases);
    ok(git_commit_tree(&base_tree, base), "the merge base's tree");
    ok(git_commit_tree(&our_tree, ours), "our tree");
    ok(git_commit_tree(&their_tree, theirs), "their tree");

    compare_trees(repo, base_tree, their_tree, "", &their);
    if (their.count == 0) { *tree_out = *git_tree_id(our_tree); done = 1; goto out; }
    compare_trees(repo, base_tree, our_tree, "", &mine);
    if (mine.count == 0) { *tree_out = *git_tree_id(their_tree); done = 1; goto out; }

    updates = calloc(their.count, sizeof *updates);
    if (!updates) { fprintf(stderr, "cycle-floor: out of memory\n"); exit(3); }
    for (size_t i = 0; i < their.count; i++) {
        const change *t = &their.items[i], *o = find_change(&mine, t->path);
        if (o && o->mode == t->mode && git_oid_equal(&o->id, &t->id)) continue; /* the same change on both sides */
        if (t->mode != GIT_FILEMODE_BLOB && t->mode != GIT_FILEMODE_BLOB_EXECUTABLE && t->mode != GIT_FILEMODE_LINK)
            goto fallback; /* a deletion or a submodule */
        for (size_t k = 0; k < mine.count; k++) {
            const change *m = &mine.items[k], *mt = find_change(&their, m->path);
            if (mt && mt->mode == m->mode && git_oid_equal(&mt->id, &m->id)) continue;
            if (within(t->path, m->path) || within(m->path, t->path)) goto fallback;
        }
        updates[n].action = 0;
        updates[n].id = t->id;
        updates[n].filemode = t->mode;
        updates[n].path = t->path;
        n++;
    }
    ok(git_tree_create_updated(tree_out, repo, our_tree, n, updates), "rewrite the trees on their paths");
    done = 1;
fallback:
    free(updates);
out:
    free_changes(&mine);
    free_changes(&their);
    git_tree_free(base_tree);
    git_tree_free(our_tree);
    git_tree_free(their_tree);
    git_commit_free(base);
    return done;
}

/* One --no-ff merge of the hotfix into BRANCH, in memory: the commit object only, no ref moved yet. */
static void merge_commit(git_repository *repo, const git_signature *who, const char *into, git_commit *ours,
                         git_commit *theirs, const char *hotfix, git_oid *out, git_tree **tree_out)
{
    char message[1024];
    const git_commit *parents[2];
    git_index *merged;
    git_oid tree_id;

    if (!full_merge && trivial_merge(repo, ours, theirs, &tree_id)) {
        /* merged without libgit2's merge */
    } else {
        ok(git_merge_commits(&merged, repo, ours, theirs, NULL), "merge in memory");
        if (git_index_has_conflicts(merged)) {
            fprintf(stderr, "cycle-floor: merging %s into %s conflicts; nothing was changed\n", hotfix, into);
            exit(3);
        }
        ok(git_index_write_tree_to(&tree_id, merged, repo), "write the merged tree");
        git_index_free(merged);
    }
    ok(git_tree_lookup(tree_out, repo, &tree_id), "the merged tree");
    snprintf(message, sizeof message, "Merge branch '%s' into %s\n", hotfix, into);
    parents[0] = ours;
    parents[1] = theirs;
    ok(git_commit_create(out, repo, NULL, who, who, NULL, message, *tree_out, 2, parents), "create the merge commit");
}

static int finish(git_repository *repo, const char *name)
{
    char hotfix[512], refname[600], reflog[700];
    git_oid hotfix_id, main_id, develop_id, main_merge, develop_merge;
    git_commit *hotfix_commit, *main_commit, *develop_commit;
    git_tree *hotfix_tree, *main_tree, *develop_tree;
    git_reference *moved;
    git_signature *who;
    git_checkout_options checkout_options;
    const char *name_variable = getenv("GIT_COMMITTER_NAME"), *email_variable = getenv("GIT_COMMITTER_EMAIL");

    snprintf(hotfix, sizeof hotfix, "hotfix/%s", name);
    snprintf(refname, sizeof refname, "refs/heads/%s", hotfix);
    hotfix_commit = commit_of(repo, refname, &hotfix_id);
    main_commit = commit_of(repo, "refs/heads/main", &main_id);
    develop_commit = commit_of(repo, "refs/heads/develop", &develop_id);
    if (name_variable && email_variable)
        ok(git_signature_now(&who, name_variable, email_variable), "the committer");
    else
        ok(git_signature_default(&who, repo), "the committer (user.name, user.email)");

    /* Both merges exist as objects before the first ref moves: a conflict in either changes nothing. */
    merge_commit(repo, who, "main", main_commit, hotfix_commit, hotfix, &main_merge, &main_tree);
    merge_commit(repo, who, "develop", develop_commit, hotfix_commit, hotfix, &develop_merge, &develop_tree);

    snprintf(reflog, sizeof reflog, "merge %s", hotfix);
    ok(git_reference_create_matching(&moved, repo, "refs/heads/main", &main_merge, 1, &main_id, reflog), "move main");
    git_reference_free(moved);
    ok(git_reference_create_matching(&moved, repo, "refs/heads/develop", &develop_merge, 1, &develop_id, reflog),
       "move develop");
    git_reference_free(moved);

    /* The files go from the hotfix branch's tree (what HEAD has checked out) to develop's new one. */
    ok(git_commit_tree(&hotfix_tree, hotfix_commit), "the hotfix's tree");
    ok(git_checkout_options_init(&checkout_options, 1), "checkout options");
    checkout_options.checkout_strategy = GIT_CHECKOUT_SAFE;
    checkout_options.baseline = hotfix_tree;
    ok(git_checkout_tree(repo, (const git_object *)develop_tree, &checkout_options), "check out develop");
    ok(git_repository_set_head(repo, "refs/heads/develop"), "point HEAD at develop");

    ok(git_reference_lookup(&moved, repo, refname), "the hotfix branch");
    ok(git_branch_delete(moved), "delete the hotfix branch");
    git_reference_free(moved);
    return 0;
}

static int compare_merges(git_repository *repo)
{
    char ours_hex[128], theirs_hex[128];
    int pairs = 0, trivial = 0, conflicts = 0;
    while (scanf("%127s %127s", ours_hex, theirs_hex) == 2) {
        git_oid ours_id, theirs_id, fast, full;
        git_commit *ours, *theirs;
        git_index *merged;
        int done;
        ok(git_oid_fromstr(&ours_id, ours_hex), "a commit id on stdin");
        ok(git_oid_fromstr(&theirs_id, theirs_hex), "a commit id on stdin");
        ok(git_commit_lookup(&ours, repo, &ours_id), ours_hex);
        ok(git_commit_lookup(&theirs, repo, &theirs_id), theirs_hex);
        pairs++;
        done = trivial_merge(repo, ours, theirs, &fast);
        ok(git_merge_commits(&merged, repo, ours, theirs, NULL), "merge in memory");
        if (git_index_has_conflicts(merged)) {
            conflicts++;
            if (done) {
                fprintf(stderr, "cycle-floor: %s + %s: merged without libgit2, which finds conflicts\n", ours_hex, theirs_hex);
                return 1;
            }
        } else if (done) {
            ok(git_index_write_tree_to(&full, merged, repo), "write the merged tree");
            if (!git_oid_equal(&fast, &full)) {
                fprintf(stderr, "cycle-floor: %s + %s: a tree other than libgit2's merge\n", ours_hex, theirs_hex);
                return 1;
            }
            trivial++;
        }
        git_index_free(merged);
        git_commit_free(ours);
        git_commit_free(theirs);
    }
    printf("%d pairs: %d merged without libgit2's merge, each to libgit2's tree; %d conflict in libgit2's merge\n",
           pairs, trivial, conflicts);
    return 0;
}

int main(int argc, char **argv)
{
    git_repository *repo;
    if (argc == 3 && strcmp(argv[1], "open") == 0) {
        open_repository(argv[2]);
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "merges") == 0)
        return compare_merges(open_repository(argv[2]));
    if (argc != 4 || (strcmp(argv[1], "start") != 0 && strcmp(argv[1], "finish") != 0) || argv[3][0] == 0) {
        fprintf(stderr, "usage: cycle-floor start|finish REPO NAME   (the branch is hotfix/NAME)\n"
                        "       cycle-floor open|merges REPO\n");
        return 2;
    }
    full_merge = getenv("CYCLE_FLOOR_MERGE") && strcmp(getenv("CYCLE_FLOOR_MERGE"), "full") == 0;
    repo = open_repository(argv[2]);
    return strcmp(argv[1], "start") == 0 ? start(repo, argv[3]) : finish(repo, argv[3]);
}
