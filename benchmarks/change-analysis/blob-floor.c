/* The floor of hotfix check's own git work, without hotfix: open the repository with libgit2 (the library hotfix
 * ships) and read every blob id given on stdin (one 40-hex id a line: both sides of every changed file), as check
 * reads them. Prototypes are declared here so that no libgit2 headers are needed; build with
 *   cc -O2 -o blob-floor blob-floor.c -L DIR -l:libgit2-5853918.so -Wl,-rpath,DIR
 * where DIR holds the libgit2 of LibGit2Sharp.NativeBinaries. Usage: blob-floor REPO < ids */
#include <stdio.h>
#include <string.h>

typedef struct git_repository git_repository;
typedef struct git_blob git_blob;
typedef struct { unsigned char id[20]; } git_oid;
int git_libgit2_init(void);
int git_repository_open(git_repository **out, const char *path);
int git_oid_fromstr(git_oid *out, const char *str);
int git_blob_lookup(git_blob **blob, git_repository *repo, const git_oid *id);
const void *git_blob_rawcontent(const git_blob *blob);
long long git_blob_rawsize(const git_blob *blob);
void git_blob_free(git_blob *blob);
int git_libgit2_opts(int option, ...);

int main(int argc, char **argv)
{
    git_repository *repo;
    char line[128];
    long long bytes = 0;
    int blobs = 0;
    if (argc < 2) { fprintf(stderr, "usage: blob-floor REPO < ids\n"); return 2; }
    git_libgit2_init();
    git_libgit2_opts(22 /* GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION */, 0); /* as hotfix check reads */
    if (git_repository_open(&repo, argv[1]) != 0) { fprintf(stderr, "cannot open %s\n", argv[1]); return 3; }
    while (fgets(line, sizeof line, stdin)) {
        git_oid oid;
        git_blob *blob;
        line[strcspn(line, "\n")] = 0;
        if (strlen(line) != 40 || git_oid_fromstr(&oid, line) != 0 || git_blob_lookup(&blob, repo, &oid) != 0) continue;
        bytes += git_blob_rawsize(blob);
        if (git_blob_rawcontent(blob)) blobs++;
        git_blob_free(blob);
    }
    printf("%d blobs, %lld bytes\n", blobs, bytes);
    return 0;
}
