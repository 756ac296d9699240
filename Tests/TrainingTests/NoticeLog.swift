import Synchronization
import Training

/// Collects session notices from the training queue for inspection.
final class NoticeLog: Sendable {
    private let notices = Mutex<[SessionNotice]>([])

    func append(_ notice: SessionNotice) {
        notices.withLock { $0.append(notice) }
    }

    var epochs: [Int] {
        notices.withLock { list in
            list.compactMap {
                if case .epochEnded(let summary) = $0 { summary.epoch }
                else { nil }
            }
        }
    }

    var finishedCount: Int {
        notices.withLock { list in
            list.filter {
                if case .finished = $0 { true } else { false }
            }.count
        }
    }
}
