// run_distributed: `newsmine run` across the ranks of an MPI job
// (`mpirun -np N newsmine run PATH... --out DIR`), writing the same output
// files as one process would, for any N.
//
//  1. Shares. The input files are laid end to end; rank n takes the n-th
//     of N equal byte ranges (a JSONL line belongs to the range holding its
//     first byte, a .txt or .gz file to the range holding its start), reads
//     only those bytes, once to count the lines where its range starts
//     inside a JSONL file (so sources keep their line numbers) and once to
//     analyze its records with its own oneTBB threads, into a spill file:
//     each article's documents.jsonl line up to its entities, and what the
//     cross-document stages need of it (shard_records.h). The shares are
//     consecutive: rank 0's records first.
//  2. Names. Corpus-wide entity names (corpus_names.h) depend on every
//     earlier article, so they are settled in rank order: rank n resolves
//     its articles' names starting from the names ranks 0..n-1 learned, and
//     hands the state to rank n+1.
//  3. Lines and records. Each rank writes its documents.jsonl and
//     rejected.jsonl lines into the files at its place (mpi_file.h), keeps
//     its articles' term counts, passage features and texts, and sends rank
//     0 only what it keeps of each article: id, date, size (and the
//     mentions the report counts).
//  4. Similarity (mpi_similarity.h). Document frequencies and term ids are
//     combined across the ranks by term hash, each rank builds its own
//     TF-IDF rows, postings are exchanged through the terms' owners, each
//     rank verifies the candidate pairs of its rows, and rank 0 sorts the
//     pairs. No rank holds the matrix.
//  5. Passages (mpi_passages.h). Shingle keys go to their owners by hash,
//     shared shingles back to the ranks holding their articles; each rank
//     aligns its articles' candidates, fetching the second articles'
//     features, and rank 0 sorts the passages.
//  6. Output. Rank 0 writes similar.jsonl, passages.jsonl, clusters.jsonl,
//     reuse.jsonl (and cleaned.jsonl, the report), reading the texts it
//     quotes from the ranks that hold them (mpi_texts.h).
//
// Failures before the ranks part ways (no readable input, output not
// writable, a model that does not load, a spill that cannot be written) are
// agreed: every rank returns the same "rank R: ..." error. Later ones stop
// the whole job through MpiComm::abort. Bad records are rejections, as in
// one process. Standard input ("-") cannot be shared among ranks.
#pragma once

#include "corpus/status.h"
#include "pipeline/mpi_comm.h"
#include "pipeline/run.h"

namespace newsmine {

// Every rank calls it with the same options; rank 0 fills `summary` and writes the files.
Status run_distributed(const RunOptions& options, RunSummary& summary, const MpiComm& comm);

}  // namespace newsmine
