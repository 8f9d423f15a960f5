// run_distributed: `newsmine run` across the ranks of an MPI job
// (`mpirun -np N newsmine run PATH... --out DIR`), writing the same output
// files as one process would, for any N.
//
//  1. Shares. Every rank counts the input records without parsing them
//     (count_records) and analyzes one share of consecutive records, the
//     n-th of N equal ones, with its own oneTBB threads, into a spill file:
//     each article's documents.jsonl line up to its entities, and what the
//     cross-document stages need of it (shard_records.h).
//  2. Names. Corpus-wide entity names (corpus_names.h) depend on every
//     earlier article, so they are settled in rank order: rank n resolves
//     its articles' names starting from the names ranks 0..n-1 learned, and
//     hands the state to rank n+1.
//  3. Records. Each rank keeps its articles' term counts and sends the rest
//     of its records, lines complete, to rank 0 in chunks; rank 0 takes its
//     own and then each rank's in turn, so documents.jsonl, rejected.jsonl
//     and the kept features are in input order, exactly as in one process.
//  4. Similarity (mpi_similarity.h). Document frequencies and term ids are
//     combined across the ranks by term hash, each rank builds its own
//     TF-IDF rows, postings are exchanged through the terms' owners, each
//     rank verifies the candidate pairs of its rows, and rank 0 sorts the
//     pairs. No rank holds the matrix. The passage, cluster and reuse stages
//     run on rank 0.
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
