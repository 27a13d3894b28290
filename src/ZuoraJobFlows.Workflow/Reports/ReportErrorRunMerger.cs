namespace ZuoraJobFlows.Workflow.Reports;

/// <summary>K-way merge of sorted run files, holding one error per run in memory.</summary>
internal static class ReportErrorRunMerger
{
    public static IEnumerable<ReportError> Merge(IReadOnlyList<FileStream> runs)
    {
        var readers = new List<BinaryReader>(runs.Count);
        var heads = new PriorityQueue<int, SpooledError>(
            runs.Count, Comparer<SpooledError>.Create(SpooledError.Compare));

        try
        {
            for (var i = 0; i < runs.Count; i++)
            {
                runs[i].Position = 0;
                readers.Add(new BinaryReader(runs[i], System.Text.Encoding.UTF8, leaveOpen: true));
                EnqueueNext(i);
            }

            while (heads.TryDequeue(out var index, out var head))
            {
                yield return head.ToReportError();
                EnqueueNext(index);
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }

        void EnqueueNext(int index)
        {
            if (runs[index].Position < runs[index].Length)
            {
                heads.Enqueue(index, SpooledError.ReadFrom(readers[index]));
            }
        }
    }
}
