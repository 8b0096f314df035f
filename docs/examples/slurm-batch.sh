#!/usr/bin/env bash
# Hilum's archive-scale batch analysis as a Slurm array job: array task R runs shard R of SHARDS
# (docs/scale-out.md, "Archive-scale batch analysis"). Every task reads and writes the same store on
# a shared file system; a task that is requeued, preempted or run again continues from the ledger.
#
#   sbatch docs/examples/slurm-batch.sh                            # all 8 shards
#   sbatch --array=3,5 docs/examples/slurm-batch.sh                # shards 3 and 5 again (still of 8)
#   sbatch --array=0-15 --export=ALL,SHARDS=16 docs/examples/slurm-batch.sh   # another N: see the notes
#
# SHARDS is N and must not follow the array you submit: re-running a few tasks keeps N. Change N
# only when every task has ended (finished, or stopped by SIGTERM): finished studies are shared
# across any N, a study in progress is not.
#SBATCH --job-name=hilum-batch
#SBATCH --array=0-7
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=12:00:00
#SBATCH --requeue
#SBATCH --signal=B:TERM@300
#SBATCH --output=hilum-batch-%A_%a.log
set -euo pipefail

SHARDS=${SHARDS:-8}                                  # N
PACS=${PACS:-PACS@pacs.example.org:104}              # AET@host:port, or a name from pacs.json
CALLING_AE=${CALLING_AE:-HILUM}                      # the PACS must allow this AE to C-GET and C-STORE
DATES=${DATES:-20240101-20241231}                    # YYYYMMDD-YYYYMMDD, either end may be open
MODALITIES=${MODALITIES:-CR,DX}
STORE=${STORE:-/shared/hilum-batch}                  # shared by all tasks (NFS, Lustre, ...)
MODEL=${MODEL:-/usr/share/hilum/models/nih14-resnet18-128}

if [ "$SLURM_ARRAY_TASK_ID" -ge "$SHARDS" ]; then
  echo "array task $SLURM_ARRAY_TASK_ID is not a shard of $SHARDS: submit --array=0-$((SHARDS - 1))" >&2
  exit 2
fi

# exec: hilum-cli itself gets Slurm's SIGTERM (--signal above, 5 minutes before the time limit, and
# at scancel or preemption), finishes the study in progress and exits; SIGKILL after KillWait is
# safe too. Exit status 1 means studies are left (failed or not reached): run the task again.
exec hilum-cli batch "$PACS" --study-date "$DATES" --modality "$MODALITIES" \
  --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --store "$STORE" --model "$MODEL" --send-results \
  --threads "${SLURM_CPUS_PER_TASK:-1}" --aet "$CALLING_AE" \
  --json "$STORE/report-shard-$SLURM_ARRAY_TASK_ID-of-$SHARDS.json"
